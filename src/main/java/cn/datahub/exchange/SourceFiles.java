package cn.datahub.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a dropped file record by record, never whole: CSV with a header row (item names or Chinese titles) and
 * JSON lines. Each record's raw form is a JSON object of its values, the form dead letters keep and replay.
 */
final class SourceFiles {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final CsvMapper CSV = new CsvMapper();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private SourceFiles() {
	}

	/** Whether files of this name are read (by extension). */
	static boolean readable(Path file) {
		return format(file) != null;
	}

	static RecordStream open(Path file) throws IOException {
		String format = format(file);
		if (format == null) {
			throw new IllegalArgumentException("not a CSV or JSON-lines file: " + file.getFileName());
		}
		Reader reader = new InputStreamReader(withoutBom(Files.newInputStream(file)), StandardCharsets.UTF_8);
		return format.equals("csv") ? csv(reader) : jsonLines(new BufferedReader(reader));
	}

	/** The record of a raw JSON object, as a dead letter keeps it; values null when it is not one. */
	static SourceRecord parse(long line, String raw) {
		try {
			return new SourceRecord(line, raw, JSON.readValue(raw, OBJECT));
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			return new SourceRecord(line, raw, null);
		}
	}

	private static String format(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv")) {
			return "csv";
		}
		return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? "jsonl" : null;
	}

	private static RecordStream csv(Reader reader) throws IOException {
		MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(reader);
		return new RecordStream(reader) {

			/** The header is line 1. */
			private long line = 1;

			@Override
			public boolean hasNext() {
				return rows.hasNext();
			}

			@Override
			public SourceRecord next() {
				this.line++;
				return SourceRecord.ofValues(this.line, new LinkedHashMap<>(rows.next()));
			}

		};
	}

	private static RecordStream jsonLines(BufferedReader reader) {
		Iterator<String> lines = reader.lines().iterator();
		return new RecordStream(reader) {

			private long line;

			private String pending;

			@Override
			public boolean hasNext() {
				while (this.pending == null && lines.hasNext()) {
					this.line++;
					String next = lines.next();
					this.pending = next.isBlank() ? null : next;
				}
				return this.pending != null;
			}

			@Override
			public SourceRecord next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				String raw = this.pending;
				this.pending = null;
				return parse(this.line, raw);
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
	abstract static class RecordStream implements Iterator<SourceRecord>, AutoCloseable {

		private final Reader reader;

		RecordStream(Reader reader) {
			this.reader = reader;
		}

		@Override
		public void close() throws IOException {
			this.reader.close();
		}

	}

}
