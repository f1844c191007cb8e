package cn.datahub.report.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import cn.datahub.report.progress.ProgressTables.Table;

/**
 * Writes the report as one CSV file: the heading, then each table as a section opened by its name in 【】 and
 * separated from the next by an empty line. UTF-8 with a BOM, or Excel reads the Chinese in the system code page.
 */
class ProgressCsv implements ProgressRenderer {

	private static final CsvMapper CSV = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

	private static final String[] EMPTY_LINE = { "" };

	@Override
	public void render(ProgressReport report, OutputStream out) throws IOException {
		Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		text.write('\uFEFF');
		try (SequenceWriter lines = CSV.writerFor(String[].class)
			.with(CsvSchema.emptySchema().withLineSeparator("\r\n"))
			.writeValues(text)) {
			for (List<Object> line : ProgressTables.heading(report)) {
				lines.write(line(line));
			}
			for (Table table : ProgressTables.of(report)) {
				lines.write(EMPTY_LINE);
				lines.write(new String[] { "【" + table.name() + "】" });
				lines.write(table.headers().toArray(String[]::new));
				for (List<Object> row : table.rows()) {
					lines.write(line(row));
				}
				if (table.rows().isEmpty()) {
					lines.write(new String[] { table.whenEmpty() });
				}
			}
		}
		text.flush();
	}

	/** A blank cell as an empty field: Jackson would leave a null out and shift every later column. */
	private static String[] line(List<Object> cells) {
		return cells.stream().map(c -> Objects.toString(c, "")).toArray(String[]::new);
	}

}
