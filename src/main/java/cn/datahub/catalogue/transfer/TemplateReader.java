package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads an uploaded template a row at a time, header included.
 */
interface TemplateReader {

	/** @throws IOException if the file is not what its format says (not a workbook, not UTF-8 text) */
	void read(InputStream in, Consumer<SheetRow> rows) throws IOException;

}
