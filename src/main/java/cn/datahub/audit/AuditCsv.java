package cn.datahub.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The trail as a CSV file for Excel: UTF-8 with a BOM (or Excel reads the Chinese in the system code page), one
 * entry a line in the order of the chain, every field as stored and the time exactly as it is hashed, so that an
 * outside auditor can recompute the chain from the file alone.
 */
final class AuditCsv implements AutoCloseable {

	static final String[] HEADER = { "序号 seq", "时间 time", "操作人 actor", "部门 department", "来源地址 remoteAddress",
			"操作 action", "对象 subject", "结果 outcome", "说明 detail", "修改前 before", "修改后 after",
			"前一哈希 previousHash", "哈希 hash" };

	private static final CsvMapper CSV = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

	private final Writer text;

	private final SequenceWriter lines;

	AuditCsv(OutputStream out) throws IOException {
		this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		this.text.write('\uFEFF');
		this.lines = CSV.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\r\n"))
			.writeValues(this.text);
		this.lines.write(HEADER);
	}

	void write(AuditEntry entry) {
		try {
			this.lines.write(Stream.of(Long.toString(entry.seq()), EntryHash.time(entry.time()), entry.actor(),
					entry.department(), entry.remoteAddress(), entry.action(), entry.subject(), entry.outcome(),
					entry.detail(), entry.before(), entry.after(), entry.previousHash(), entry.hash())
				.map(AuditCsv::cell)
				.toArray(String[]::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A blank cell as an empty field (Jackson would leave a null out and shift every later column). A text that
	 * Excel would run as a formula (a username such as {@code =HYPERLINK(...)}) is shown as text behind a quote.
	 */
	private static String cell(String value) {
		String text = Objects.toString(value, "");
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

	@Override
	public void close() throws IOException {
		this.lines.close();
		this.text.flush();
	}

}
