package cn.datahub.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.ItemType;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceSchema;
import cn.datahub.catalogue.Uscc;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Turns a source's records into Avro records of one resource's schema, checking each value against its item:
 * required items present, numbers, dates and flags readable, unified social credit codes (a {@code tyshxydm} item)
 * with a correct check character. Columns may be named by item name or by the item's Chinese title; columns the
 * resource does not define are ignored.
 */
final class RecordConverter {

	/** The item every legal-person record carries; its check character is verified. */
	static final String USCC_ITEM = "tyshxydm";

	/** The forms department systems write dates in; strict, so 2021-02-30 is refused rather than moved. */
	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, strict("uuuu/M/d"),
			strict("uuuu年M月d日"), DateTimeFormatter.BASIC_ISO_DATE);

	private static final List<DateTimeFormatter> DATE_TIMES = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
			strict("uuuu-MM-dd HH:mm[:ss]"), strict("uuuu/M/d H:mm[:ss]"));

	private static final Set<String> TRUE = Set.of("true", "1", "是", "y", "yes");

	private static final Set<String> FALSE = Set.of("false", "0", "否", "n", "no");

	private static final int DECIMAL_SCALE = 10;

	private static final GenericData GENERIC_DATA = withConversions();

	private final Schema schema;

	/** The resource's items, in the order of the schema's fields: a value is put by its item's place. */
	private final List<DataItem> items;

	/** Each item's type, in the order of {@link #items}. */
	private final List<ItemType> types;

	/** The place in {@link #items} of the item a column holds, by the item's name and by its title. */
	private final Map<String, Integer> byColumn = new HashMap<>();

	private final ZoneId zone;

	private final GenericDatumWriter<GenericRecord> writer;

	/** The encoding's buffers, reused from record to record: a converter serves one run on one thread. */
	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);

	private BinaryEncoder encoder;

	private final MessageDigest sha256;

	RecordConverter(Resource resource, ZoneId zone) {
		this.schema = ResourceSchema.of(resource);
		this.items = resource.items();
		this.types = this.items.stream().map(item -> ItemType.parse(item.type()).orElseThrow()).toList();
		for (int i = 0; i < this.items.size(); i++) {
			this.byColumn.put(this.items.get(i).name(), i);
			this.byColumn.putIfAbsent(this.items.get(i).title(), i);
		}
		this.zone = zone;
		this.writer = new GenericDatumWriter<>(this.schema, genericData());
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Schema schema() {
		return this.schema;
	}

	/**
	 * The record as an Avro record with its Avro binary encoding and the content fingerprint of that encoding, or
	 * why it cannot be.
	 */
	Converted convert(SourceRecord source) {
		Converted checked = validate(source);
		if (!checked.accepted()) {
			return checked;
		}
		byte[] encoded = encode(checked.record());
		Fingerprint fingerprint = Fingerprint.of(this.sha256.digest(encoded));
		return new Converted(checked.record(), fingerprint, encoded, null);
	}

	/** The record as an Avro record, or why it cannot be; without its encoding and fingerprint. */
	Converted validate(SourceRecord source) {
		Object[] values = new Object[this.items.size()];
		source.values().forEach((column, value) -> {
			Integer place = column == null ? null : this.byColumn.get(column.trim());
			if (place != null) {
				values[place] = value;
			}
		});
		GenericData.Record record = new GenericData.Record(this.schema);
		for (int i = 0; i < this.items.size(); i++) {
			DataItem item = this.items.get(i);
			ItemType type = this.types.get(i);
			Object raw = values[i];
			String text = raw == null ? "" : raw.toString().strip();
			if (text.isEmpty()) {
				if (item.required()) {
					return Converted.rejected(new Rejection(item.name(), "required item " + item.name() + " ("
							+ item.title() + ") is missing", "必填数据项" + item.title() + "（" + item.name() + "）为空"));
				}
				continue;
			}
			try {
				record.put(i, value(item, type, raw, text));
			}
			catch (IllegalArgumentException | DateTimeException | ArithmeticException ex) {
				return Converted.rejected(new Rejection(item.name(), item.name() + " (" + item.title()
						+ "): '" + raw + "' is not a valid " + type.code(), "数据项" + item.title() + "的值“" + raw + "”不是有效的"
						+ type.label()));
			}
		}
		return new Converted(record, null, null, null);
	}

	/**
	 * The item's value of {@code raw}, whose text is {@code text}, stripped of spaces (an ideographic one too). A
	 * number read from JSON or a table is taken as it is when it is whole or a decimal, never through its text; an
	 * integer item refuses a fraction instead of cutting it off.
	 */
	private Object value(DataItem item, ItemType type, Object raw, String text) {
		return switch (type) {
			case STRING -> {
				if (item.name().equals(USCC_ITEM) && !Uscc.isValid(text)) {
					throw new IllegalArgumentException("check character");
				}
				yield text;
			}
			case INTEGER -> raw instanceof Long || raw instanceof Integer ? ((Number) raw).longValue()
					: new BigDecimal(text).longValueExact();
			case DECIMAL -> (raw instanceof BigDecimal decimal ? decimal : new BigDecimal(text)).setScale(DECIMAL_SCALE,
					RoundingMode.UNNECESSARY);
			case DATE -> (int) date(text).toEpochDay();
			case DATETIME -> dateTime(text).atZone(this.zone).toInstant().toEpochMilli();
			case BOOLEAN -> {
				String flag = text.toLowerCase(Locale.ROOT);
				if (!TRUE.contains(flag) && !FALSE.contains(flag)) {
					throw new IllegalArgumentException("flag");
				}
				yield TRUE.contains(flag);
			}
		};
	}

	/**
	 * The date of {@code 2026-03-05}, the form nearly every source writes, read straight from its digits (a
	 * formatter allocates some twenty objects a value, a third of what a record costs the collector); any other
	 * form through the formatters. Either way 2021-02-30 is refused.
	 */
	private static LocalDate date(String text) {
		if (text.length() == 10 && isoDate(text)) {
			return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
		}
		return parse(text, DATES, LocalDate::parse);
	}

	/** The time of {@code 2026-03-05 14:22}, {@code 2026-03-05 14:22:10} or with a {@code T}, as {@link #date}. */
	private static LocalDateTime dateTime(String text) {
		int length = text.length();
		if ((length == 16 || length == 19) && isoDate(text) && (text.charAt(10) == ' ' || text.charAt(10) == 'T')
				&& isDigits(text, 11, 13) && text.charAt(13) == ':' && isDigits(text, 14, 16)
				&& (length == 16 || text.charAt(16) == ':' && isDigits(text, 17, 19))) {
			return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
					digits(text, 14, 16), length == 16 ? 0 : digits(text, 17, 19));
		}
		return parse(text, DATE_TIMES, LocalDateTime::parse);
	}

	/** Whether the text starts with {@code dddd-dd-dd}. */
	private static boolean isoDate(String text) {
		return isDigits(text, 0, 4) && text.charAt(4) == '-' && isDigits(text, 5, 7) && text.charAt(7) == '-'
				&& isDigits(text, 8, 10);
	}

	private static boolean isDigits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	private static DateTimeFormatter strict(String pattern) {
		return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
	}

	/**
	 * The value in the first of the forms that reads it. A form whose pattern does not fit is passed over without
	 * parsing (a department writing {@code 2026-03-05 14:22:10} would otherwise cost an exception a record); one
	 * that fits but names no real day (2021-02-30) throws.
	 */
	private static <T> T parse(String text, List<DateTimeFormatter> formats, Parser<T> parser) {
		DateTimeParseException first = null;
		for (DateTimeFormatter format : formats) {
			ParsePosition position = new ParsePosition(0);
			if (format.parseUnresolved(text, position) == null || position.getIndex() != text.length()) {
				continue;
			}
			try {
				return parser.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				first = first == null ? ex : first;
			}
		}
		throw first != null ? first : new DateTimeParseException("no known form", text, 0);
	}

	/**
	 * The record's Avro binary form. Its SHA-256 is the fingerprint (equal content, equal fingerprint), and a file
	 * target that takes the record as it is appends these bytes instead of encoding it again.
	 */
	private byte[] encode(GenericRecord record) {
		try {
			this.bytes.reset();
			this.encoder = EncoderFactory.get().binaryEncoder(this.bytes, this.encoder);
			this.writer.write(record, this.encoder);
			this.encoder.flush();
			return this.bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Avro's generic model with the logical types the resource schemas use. One for the hub: a new one looks its
	 * conversions up on the class path, which every batch written would pay for; once built it is only read.
	 */
	static GenericData genericData() {
		return GENERIC_DATA;
	}

	private static GenericData withConversions() {
		GenericData data = new GenericData();
		data.addLogicalTypeConversion(new Conversions.DecimalConversion());
		return data;
	}

	@FunctionalInterface
	private interface Parser<T> {

		T parse(String text, DateTimeFormatter format);

	}

	/** A converted record, or the rejection that stopped it. */
	record Converted(GenericRecord record, Fingerprint fingerprint, byte[] encoded, Rejection rejection) {

		static Converted rejected(Rejection rejection) {
			return new Converted(null, null, null, rejection);
		}

		boolean accepted() {
			return this.rejection == null;
		}

		/**
		 * The accepted record's fingerprint and encoding only, for targets that take encodings: a batch in flight
		 * then holds each record's bytes, not its values as objects too, and the values die young.
		 */
		Converted encodedOnly() {
			return new Converted(null, this.fingerprint, this.encoded, null);
		}

	}

}
