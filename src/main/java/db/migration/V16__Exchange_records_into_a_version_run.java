package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import cn.datahub.exchange.VersionRunWriter;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the record versions recorded a row each ({@code exchange_record}, V10 to V14) into one run of
 * {@code V15__exchange_version_runs.sql}, so that what the targets confirmed before the upgrade stays delivered, and
 * drops the table. In Java because the blocks are binary and sorted in the runs' order. The versions are read in
 * ranges of fingerprint heads, which SHA-256 spreads evenly, so that each range is a few thousand rows sorted in
 * memory, whatever the table's size.
 */
public class V16__Exchange_records_into_a_version_run extends BaseJavaMigration {

	private static final long ROWS_A_RANGE = 20_000;

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		long count;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from exchange_record")) {
			rs.next();
			count = rs.getLong(1);
		}
		if (count > 0) {
			long runId = insertRun(connection);
			VersionRunWriter writer = new VersionRunWriter(connection, runId, VersionRunWriter.BLOCK_ENTRIES);
			long ranges = count / ROWS_A_RANGE + 1;
			long width = Long.divideUnsigned(-1L, ranges) + 1;
			for (long i = 0; i < ranges; i++) {
				long low = Long.MIN_VALUE + i * width;
				long high = i == ranges - 1 ? Long.MAX_VALUE : low + width - 1;
				for (byte[] entry : range(connection, low, high)) {
					writer.add(entry, 0);
				}
			}
			writer.finish();
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("drop table exchange_record");
		}
	}

	/** The run, at level 1: the merges move it up, without rewriting it, while it is past a level's capacity. */
	private static long insertRun(Connection connection) throws Exception {
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into exchange_version_run (level, live, entries) values (1, true, 0)",
				Statement.RETURN_GENERATED_KEYS)) {
			insert.executeUpdate();
			try (ResultSet key = insert.getGeneratedKeys()) {
				key.next();
				return key.getLong(1);
			}
		}
	}

	private static List<byte[]> range(Connection connection, long low, long high) throws Exception {
		List<byte[]> entries = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement(
				"select fingerprint, batch_id from exchange_record where fingerprint_head between ? and ?")) {
			select.setLong(1, low);
			select.setLong(2, high);
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					entries.add(VersionRunWriter.entry(rs.getBytes(1), rs.getLong(2)));
				}
			}
		}
		entries.sort((a, b) -> VersionRunWriter.compare(a, 0, b, 0));
		return entries;
	}

}
