package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Writes the template as UTF-8 CSV with a BOM: without it Excel reads the file in the system code page and shows
 * the Chinese as garbage.
 */
class CsvTemplateWriter implements TemplateWriter {

	private static final CsvMapper CSV = new CsvMapper();

	private final Writer text;

	private final SequenceWriter rows;

	CsvTemplateWriter(OutputStream out) throws IOException {
		this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		this.text.write('\uFEFF');
		this.rows = CSV.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(this.text);
	}

	@Override
	public void write(List<String> cells) throws IOException {
		// Jackson leaves a null array element out of the row altogether, which would shift every later column.
		this.rows.write(cells.stream().map(c -> c == null ? "" : c).toArray(String[]::new));
	}

	@Override
	public void close() throws IOException {
		this.rows.flush();
		this.text.flush();
	}

}
