package cn.datahub.exchange;

import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import cn.datahub.catalogue.DataItem;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch into a JDBC target's table (called by the {@code push-jdbc} route): in one transaction, the rows
 * of the batch's keys are deleted and the records inserted, so a batch written again after a crash replaces its
 * rows instead of doubling them. Each record item becomes the column of the same name, if the table has it; the
 * key columns must be there.
 */
@Component
public class JdbcTableWriter {

	private final DepartmentDatabases databases;

	JdbcTableWriter(DepartmentDatabases databases) {
		this.databases = databases;
	}

	public void write(TargetBatch batch, String datasource, String table, String keyColumns) {
		DataSource dataSource = this.databases.target(datasource)
			.orElseThrow(() -> new IllegalStateException("datasource " + datasource + " is no longer configured"));
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Map<String, String> columns = columns(jdbc, table);
		List<Schema.Field> fields = batch.schema().getFields().stream()
			.filter(f -> columns.containsKey(f.name().toLowerCase(Locale.ROOT))).toList();
		List<String> keys = keyColumns.isBlank() ? defaultKey(batch) : Arrays.asList(keyColumns.split(","));
		List<Schema.Field> keyFields = keys.stream()
			.flatMap(k -> fields.stream().filter(f -> f.name().equalsIgnoreCase(k)).limit(1))
			.toList();
		if (keyFields.size() < keys.size()) {
			throw new IllegalArgumentException("table " + table + " or the records of " + batch.resource().code()
					+ " lack some of the key column(s) " + keys);
		}
		Map<List<Object>, GenericRecord> latest = new LinkedHashMap<>();
		batch.records().forEach(r -> latest.put(keyFields.stream().map(f -> value(f, r.get(f.name()))).toList(), r));
		List<Object[]> deletes = new ArrayList<>(latest.keySet().stream().map(List::toArray).toList());
		List<Object[]> inserts = latest.values().stream()
			.map(r -> fields.stream().map(f -> value(f, r.get(f.name()))).toArray()).toList();
		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
			jdbc.batchUpdate("delete from " + table + " where "
					+ keys.stream().map(k -> columns.get(k.toLowerCase(Locale.ROOT)) + " = ?").collect(Collectors.joining(" and ")),
					deletes);
			jdbc.batchUpdate("insert into " + table + " ("
					+ fields.stream().map(f -> columns.get(f.name().toLowerCase(Locale.ROOT))).collect(Collectors.joining(", "))
					+ ") values (" + fields.stream().map(f -> "?").collect(Collectors.joining(", ")) + ")", inserts);
		});
	}

	/** The table's columns, by lower-case name, as the database spells them; fails if the table cannot be read. */
	Map<String, String> columns(JdbcTemplate jdbc, String table) {
		return jdbc.query("select * from " + table + " where 1 = 0", rs -> {
			ResultSetMetaData meta = rs.getMetaData();
			Map<String, String> columns = new LinkedHashMap<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), meta.getColumnLabel(i));
			}
			return columns;
		});
	}

	private static List<String> defaultKey(TargetBatch batch) {
		return batch.resource().items().stream().filter(DataItem::required).limit(1).map(DataItem::name).toList();
	}

	/** An Avro value as JDBC takes it: text, dates and times as SQL dates and timestamps. */
	private static Object value(Schema.Field field, Object value) {
		if (value == null) {
			return null;
		}
		Schema schema = field.schema();
		LogicalType logical = (schema.isUnion() ? schema.getTypes() : List.of(schema)).stream()
			.map(Schema::getLogicalType).filter(t -> t != null).findFirst().orElse(null);
		if (logical instanceof LogicalTypes.Date) {
			return Date.valueOf(LocalDate.ofEpochDay((Integer) value));
		}
		if (logical instanceof LogicalTypes.TimestampMillis) {
			return Timestamp.from(Instant.ofEpochMilli((Long) value));
		}
		if (value instanceof CharSequence || value instanceof ByteBuffer) {
			return value.toString();
		}
		return value;
	}

}
