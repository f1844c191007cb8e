package cn.datahub.report.progress;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a progress report in one format; the output is left open.
 */
interface ProgressRenderer {

	void render(ProgressReport report, OutputStream out) throws IOException;

}
