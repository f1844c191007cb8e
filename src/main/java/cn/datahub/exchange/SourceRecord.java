package cn.datahub.exchange;

import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * One record as a source gave it: its position in the source (line or row), its raw text for the dead-letter
 * store, and its values by column or property name (an item's name or its Chinese title).
 */
public record SourceRecord(long line, String raw, Map<String, Object> values) {

	/**
	 * Reads and writes the JSON of source records. Numbers with a fraction are read as written, not through a
	 * double, which keeps some sixteen digits: 资产总额 1234567890123456.78 would come out 1234567890123456.8.
	 */
	static final ObjectMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/**
	 * A record read as values (a CSV row, a table row), whose raw form is the JSON object of its values. That form
	 * is written only when asked for, by the dead-letter store: most records are valid and never need it.
	 */
	static SourceRecord ofValues(long line, Map<String, Object> values) {
		return new SourceRecord(line, null, values);
	}

	/** The raw text; for a record read as values, the JSON object of its values. */
	@Override
	public String raw() {
		if (this.raw != null || this.values == null) {
			return this.raw;
		}
		try {
			return JSON.writeValueAsString(this.values);
		}
		catch (JsonProcessingException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
