package cn.datahub.exchange;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent repository: each record version (key and content fingerprint) a target has confirmed. A batch
 * is filtered against it before delivery and recorded in it as its targets confirm it, so a re-run or a restart
 * after a crash delivers nothing twice. A record version is one row whatever the number of targets, and a target
 * confirms a batch with one row ({@code V10__exchange_record_versions.sql}), looked up by the head of its
 * fingerprint ({@code V14__exchange_record_fingerprint_head.sql}).
 */
@Repository
class Deliveries {

	/** Rows an insert statement carries at most: 4,000 parameters, well within what databases take. */
	private static final int ROWS_A_STATEMENT = 1000;

	private static final HexFormat HEX = HexFormat.of();

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final KnownVersions known;

	Deliveries(NamedParameterJdbcTemplate jdbc, Clock clock, KnownVersions known) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.known = known;
	}

	/**
	 * The fingerprints among {@code fingerprints} each target already confirmed for the resource, by target: one
	 * query a batch, whatever the number of targets. The fingerprints go in as one array joined to the record
	 * versions: with {@code fingerprint in (?, ?, ...)} H2 seeks each in the index but then checks every row it
	 * finds against the whole list again, a thousand comparisons a row, which made a batch of versions delivered
	 * before (a re-run, the same records under another resource) take a second instead of tens of milliseconds.
	 * Versions that {@link KnownVersions} says are surely not recorded are not looked up at all.
	 */
	Map<String, Set<String>> delivered(String resourceCode, Collection<String> fingerprints) {
		Map<String, Set<String>> delivered = new HashMap<>();
		byte[][] keys = fingerprints.stream()
			.map(HEX::parseHex)
			.filter(key -> this.known.mayHold(resourceCode, head(key)))
			.toArray(byte[][]::new);
		if (keys.length == 0) {
			return delivered;
		}
		Long[] heads = Stream.of(keys).map(Deliveries::head).toArray(Long[]::new);
		this.jdbc.getJdbcTemplate()
			.query("select r.fingerprint, c.target "
					+ "from unnest(cast(? as bigint array), cast(? as binary(32) array)) as t(head, fingerprint) "
					+ "join exchange_record r on r.fingerprint_head = t.head and r.fingerprint = t.fingerprint "
					+ "join exchange_batch b on b.id = r.batch_id join exchange_confirmation c on c.batch_id = r.batch_id "
					+ "where b.resource_code = ?", statement -> {
						statement.setObject(1, heads);
						statement.setObject(2, keys);
						statement.setString(3, resourceCode);
					}, (RowCallbackHandler) rs -> delivered.computeIfAbsent(rs.getString("target"), t -> new HashSet<>())
						.add(HEX.formatHex(rs.getBytes("fingerprint"))));
		return delivered;
	}

	/**
	 * Records that {@code target} confirmed the batch. The first target to confirm it records its record versions
	 * too, in the same transaction; a version in the batch that this target was not sent is one it had confirmed
	 * before, so the batch stands for all of them.
	 */
	@Transactional
	public void confirm(Pending batch, String target) {
		if (batch.id == null) {
			long id = insertBatch(batch);
			insertRecords(batch.resourceCode, id, batch.records);
			batch.id = id;
		}
		this.jdbc.getJdbcTemplate()
			.update("insert into exchange_confirmation (batch_id, target, confirmed_at) values (?, ?, ?)", batch.id,
					target, Timestamp.from(this.clock.instant()));
	}

	private long insertBatch(Pending batch) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.getJdbcTemplate().update(connection -> {
			PreparedStatement insert = connection.prepareStatement(
					"insert into exchange_batch (resource_code, name) values (?, ?)", Statement.RETURN_GENERATED_KEYS);
			insert.setString(1, batch.resourceCode);
			insert.setString(2, batch.name);
			return insert;
		}, key);
		return key.getKey().longValue();
	}

	/**
	 * Inserts in statements of many rows: a JDBC batch is a statement a row, and H2 pays a statement's start and end
	 * (a transaction snapshot, a LOB clean-up it tries to schedule) for each. The values are set by type, not
	 * through Spring's argument setter, which looks each of the thousands of values' type up and goes over them
	 * all again after the statement. {@link KnownVersions} is told of each version as its values are set, before
	 * the statement writes it.
	 */
	private void insertRecords(String resourceCode, long batchId, List<Keyed> records) {
		for (int from = 0; from < records.size(); from += ROWS_A_STATEMENT) {
			List<Keyed> rows = records.subList(from, Math.min(records.size(), from + ROWS_A_STATEMENT));
			String sql = "insert into exchange_record (fingerprint_head, fingerprint, batch_id, record_key) values "
					+ String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?)"));
			this.jdbc.getJdbcTemplate().update(sql, statement -> {
				int column = 0;
				for (Keyed row : rows) {
					byte[] fingerprint = HEX.parseHex(row.fingerprint());
					long head = head(fingerprint);
					this.known.add(resourceCode, head);
					statement.setLong(++column, head);
					statement.setBytes(++column, fingerprint);
					statement.setLong(++column, batchId);
					statement.setString(++column, row.key());
				}
			});
		}
	}

	/** The fingerprint's first eight bytes, big-endian: what the record versions are looked up by. */
	private static long head(byte[] fingerprint) {
		return ByteBuffer.wrap(fingerprint).getLong();
	}

	/** A record's identity for idempotency. */
	record Keyed(String key, String fingerprint) {
	}

	/**
	 * A batch's record versions that some target has still to confirm, recorded with the first confirmation. A
	 * pipeline delivers one batch at a time, so one thread confirms it.
	 */
	static final class Pending {

		private final String resourceCode;

		private final String name;

		private final List<Keyed> records;

		private Long id;

		Pending(String resourceCode, String name, List<Keyed> records) {
			this.resourceCode = resourceCode;
			this.name = name;
			this.records = records;
		}

	}

}
