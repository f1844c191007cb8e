package cn.datahub.exchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The records of a body already in memory: a page of a department API, or a batch a department system pushed to
 * the hub. A body that cannot be read as a whole fails with the reason; a single element that is not a JSON
 * object is a record without values, dead-lettered like any other bad record.
 */
final class RecordBodies {

	private static final CsvMapper CSV = new CsvMapper();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private RecordBodies() {
	}

	/**
	 * The elements of the JSON array at {@code recordsPath} ({@code null} or empty: the body is the array),
	 * numbered from {@code lineBefore + 1}.
	 */
	static List<SourceRecord> json(String body, String recordsPath, long lineBefore) throws IOException {
		JsonNode page;
		try {
			page = SourceRecord.JSON.readTree(body);
		}
		catch (JsonProcessingException ex) {
			throw new IOException("invalid JSON: " + ex.getOriginalMessage());
		}
		JsonNode array = recordsPath == null || page == null ? page : page.at(recordsPath);
		if (array == null || !array.isArray()) {
			throw new IOException("no array of records at '" + (recordsPath == null ? "" : recordsPath) + "'");
		}
		List<SourceRecord> records = new ArrayList<>(array.size());
		long line = lineBefore;
		for (JsonNode element : array) {
			line++;
			records.add(new SourceRecord(line, element.toString(),
					element.isObject() ? SourceRecord.JSON.convertValue(element, OBJECT) : null));
		}
		return records;
	}

	/** One JSON object per line, numbered by line; blank lines are skipped. */
	static List<SourceRecord> jsonLines(String body) {
		List<SourceRecord> records = new ArrayList<>();
		long line = 0;
		for (String text : (Iterable<String>) body.lines()::iterator) {
			line++;
			if (!text.isBlank()) {
				records.add(SourceFiles.parse(line, text));
			}
		}
		return records;
	}

	/** CSV with a header row of item names or titles; records numbered from {@code lineBefore + 1}. */
	static List<SourceRecord> csv(String body, long lineBefore) throws IOException {
		String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
		Iterator<ColumnValues> rows;
		List<SourceRecord> records = new ArrayList<>();
		try {
			rows = CSV.readerFor(ColumnValues.class).with(CsvSchema.emptySchema().withHeader()).readValues(text);
			long line = lineBefore;
			while (rows.hasNext()) {
				line++;
				records.add(SourceRecord.ofValues(line, rows.next()));
			}
		}
		catch (RuntimeException ex) {
			throw new IOException("invalid CSV: " + ex.getMessage());
		}
		return records;
	}

}
