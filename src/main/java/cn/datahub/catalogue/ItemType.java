package cn.datahub.catalogue;

import java.util.Arrays;
import java.util.Optional;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The types a data item may have, written in lower case in the API and templates, and the Avro type each
 * becomes in the resource's record schema.
 */
public enum ItemType {

	STRING("string", "字符型"),

	INTEGER("integer", "整数型"),

	DECIMAL("decimal", "数值型"),

	DATE("date", "日期型"),

	DATETIME("datetime", "日期时间型"),

	BOOLEAN("boolean", "布尔型");

	/** Precision and scale wide enough for amounts, areas and coordinates in department systems. */
	private static final int DECIMAL_PRECISION = 38;

	private static final int DECIMAL_SCALE = 10;

	private final String code;

	private final String label;

	ItemType(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	public static Optional<ItemType> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String v = value.trim();
		return Arrays.stream(values()).filter(t -> t.code.equalsIgnoreCase(v) || t.label.equals(v)).findFirst();
	}

	Schema avroSchema() {
		return switch (this) {
			case STRING -> Schema.create(Schema.Type.STRING);
			case INTEGER -> Schema.create(Schema.Type.LONG);
			case DECIMAL -> LogicalTypes.decimal(DECIMAL_PRECISION, DECIMAL_SCALE).addToSchema(Schema.create(Schema.Type.BYTES));
			case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
			case DATETIME -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
			case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
		};
	}

}
