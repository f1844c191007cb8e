package cn.datahub.exchange;

import java.sql.Clob;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import cn.datahub.catalogue.DataItem;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of a department table or query above the last watermark, in the order of the incremental column,
 * streamed from the database a fetch at a time while the pipeline consumes them. Columns are matched to item
 * names whatever their case (databases upper-case unquoted names); dates and times are given in ISO form.
 */
final class JdbcRows extends PulledRecords {

	private final Stream<SourceRecord> stream;

	private final Iterator<SourceRecord> rows;

	private final String column;

	private long line;

	JdbcRows(JdbcTemplate jdbc, AttachmentForm.Jdbc source, List<DataItem> items, String since) {
		super(since);
		this.column = source.incrementalColumn();
		Map<String, String> names = new LinkedHashMap<>();
		items.forEach(item -> names.put(item.name().toLowerCase(Locale.ROOT), item.name()));
		names.putIfAbsent(this.column.toLowerCase(Locale.ROOT), this.column);
		this.stream = since == null ? jdbc.queryForStream(select(source, false), (rs, n) -> record(rs, names))
				: jdbc.queryForStream(select(source, true), (rs, n) -> record(rs, names), since);
		this.rows = this.stream.iterator();
	}

	/** The rows of the source, above a watermark ({@code ?}) or all of them, in the incremental column's order. */
	static String select(AttachmentForm.Jdbc source, boolean above) {
		return "select * from " + from(source) + (above ? " where " + source.incrementalColumn() + " > ?" : "")
				+ " order by " + source.incrementalColumn();
	}

	/** A query that reads nothing but fails if the source or its incremental column does not exist. */
	static String probe(AttachmentForm.Jdbc source) {
		return "select * from " + from(source) + " where 1 = 0 order by " + source.incrementalColumn();
	}

	private static String from(AttachmentForm.Jdbc source) {
		return source.table() != null && !source.table().isBlank() ? source.table() : "(" + source.query() + ") src";
	}

	@Override
	public boolean hasNext() {
		return this.rows.hasNext();
	}

	@Override
	public SourceRecord next() {
		SourceRecord record = this.rows.next();
		saw(record.values().get(this.column));
		return record;
	}

	@Override
	public void close() {
		this.stream.close();
	}

	private SourceRecord record(ResultSet rs, Map<String, String> names) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		Map<String, Object> values = new ColumnValues();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			String label = meta.getColumnLabel(i);
			values.put(names.getOrDefault(label.toLowerCase(Locale.ROOT), label), value(rs.getObject(i)));
		}
		return SourceRecord.ofValues(++this.line, values);
	}

	private static Object value(Object value) throws SQLException {
		if (value instanceof Timestamp timestamp) {
			return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(timestamp.toLocalDateTime());
		}
		if (value instanceof Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof Time time) {
			return time.toLocalTime().toString();
		}
		if (value instanceof Clob clob) {
			return clob.getSubString(1, (int) clob.length());
		}
		return value instanceof TemporalAccessor ? value.toString() : value;
	}

}
