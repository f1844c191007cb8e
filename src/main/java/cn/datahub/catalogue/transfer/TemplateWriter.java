package cn.datahub.catalogue.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Writes the template a row at a time, the header first; closing it finishes the file but leaves the output open.
 */
interface TemplateWriter extends Closeable {

	void write(List<String> cells) throws IOException;

}
