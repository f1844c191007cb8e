package cn.datahub.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a dropped file record by record, never whole: CSV with a header row (item names or Chinese titles), JSON
 * lines, and the first sheet of an XLSX workbook ({@link XlsxRows}), parsed a little ahead on a thread of its own
 * ({@link PrefetchedRecords}). Each record's raw form is a JSON object of its values, the form dead letters keep and
 * replay.
 */
final class SourceFiles {

	private static final CsvMapper CSV = new CsvMapper();

	private SourceFiles() {
	}

	/** Whether files of this name are read (by extension). */
	static boolean readable(Path file) {
		return format(file) != null;
	}

	/** @throws UnreadableDrop when the file is not what its name says (a workbook that cannot be opened) */
	static RecordStream open(Path file) throws IOException {
		String format = format(file);
		if (format == null) {
			throw new IllegalArgumentException("not a CSV, JSON-lines or XLSX file: " + file.getFileName());
		}
		String reader = "read-" + file.getFileName();
		if (format.equals("xlsx")) {
			return new PrefetchedRecords(XlsxRows.open(file), reader);
		}
		InputStream in = withoutBom(Files.newInputStream(file));
		return new PrefetchedRecords(
				format.equals("csv") ? csv(new InputStreamReader(in, StandardCharsets.UTF_8)) : jsonLines(in), reader);
	}

	/** The record of a raw JSON object, as a dead letter keeps it; values null when it is not one. */
	static SourceRecord parse(long line, String raw) {
		try {
			return new SourceRecord(line, raw, SourceRecord.JSON.readValue(raw, ColumnValues.class));
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			return new SourceRecord(line, raw, null);
		}
	}

	/**
	 * The record of a JSON object in {@code length} bytes of UTF-8 from {@code offset}, read without decoding the
	 * line into a string first. Its raw form is written from its values when a dead letter asks for it; a line that
	 * is not a JSON object keeps its text, to be seen and fixed.
	 */
	static SourceRecord parse(long line, byte[] bytes, int offset, int length) {
		try {
			return SourceRecord.ofValues(line, SourceRecord.JSON.readValue(bytes, offset, length, ColumnValues.class));
		}
		catch (IOException | IllegalArgumentException ex) {
			return new SourceRecord(line, new String(bytes, offset, length, StandardCharsets.UTF_8), null);
		}
	}

	/** The record of a row's values by column, its raw form the JSON object of them (written when needed). */
	static SourceRecord record(long line, Map<String, Object> values) {
		return SourceRecord.ofValues(line, values);
	}

	private static String format(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv") || name.endsWith(".xlsx")) {
			return name.substring(name.lastIndexOf('.') + 1);
		}
		return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? "jsonl" : null;
	}

	/** A CSV whose structure breaks (an unclosed quote, a row longer than the header) is read no further. */
	private static UnreadableDrop broken(long line, RuntimeException ex) {
		String reason = ex.getMessage() == null ? ex.toString() : ex.getMessage().lines().findFirst().orElse("");
		return new UnreadableDrop("the CSV cannot be read after line " + line + ": " + reason, ex);
	}

	private static RecordStream csv(Reader reader) throws IOException {
		MappingIterator<ColumnValues> rows = CSV.readerFor(ColumnValues.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(reader);
		return new RecordStream() {

			/** The header is line 1. */
			private long line = 1;

			@Override
			public boolean hasNext() {
				try {
					return rows.hasNext();
				}
				catch (RuntimeException ex) {
					throw broken(this.line, ex);
				}
			}

			@Override
			public SourceRecord next() {
				try {
					return record(++this.line, rows.next());
				}
				catch (RuntimeException ex) {
					throw broken(this.line - 1, ex);
				}
			}

			@Override
			public void close() throws IOException {
				reader.close();
			}

		};
	}

	private static RecordStream jsonLines(InputStream in) {
		ByteLines lines = new ByteLines(in);
		return new ReadAhead() {

			@Override
			SourceRecord read() {
				try {
					while (lines.next()) {
						if (!lines.blank()) {
							return parse(lines.number(), lines.bytes(), lines.start(), lines.length());
						}
					}
					return null;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

			@Override
			public void close() throws IOException {
				in.close();
			}

		};
	}

	/** Excel writes UTF-8 CSV with a byte order mark; it is not part of the first column's name. */
	private static InputStream withoutBom(InputStream in) throws IOException {
		PushbackInputStream stream = new PushbackInputStream(in, 3);
		byte[] head = stream.readNBytes(3);
		boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
		if (!bom) {
			stream.unread(head);
		}
		return stream;
	}

	/** The records of one source, read as they are consumed; closing it closes the file. */
	interface RecordStream extends Iterator<SourceRecord>, Closeable {

	}

	/** A stream that skips what is not a record (blank lines, empty rows) by reading one record ahead. */
	abstract static class ReadAhead implements RecordStream {

		private SourceRecord pending;

		/** The next record, or null after the last. */
		abstract SourceRecord read();

		@Override
		public boolean hasNext() {
			if (this.pending == null) {
				this.pending = read();
			}
			return this.pending != null;
		}

		@Override
		public SourceRecord next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			SourceRecord next = this.pending;
			this.pending = null;
			return next;
		}

	}

}
