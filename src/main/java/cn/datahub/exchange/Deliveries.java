package cn.datahub.exchange;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent repository: each record version (key and content fingerprint) a target has confirmed. A batch
 * is filtered against it before delivery and recorded in it as its targets confirm it, so a re-run or a restart
 * after a crash delivers nothing twice. A target confirms a batch with one row
 * ({@code V10__exchange_record_versions.sql}); the batch's record versions are written once, whatever the number of
 * targets, as a run of {@link VersionRuns}.
 */
@Repository
class Deliveries {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final KnownVersions known;

	private final VersionRuns runs;

	Deliveries(NamedParameterJdbcTemplate jdbc, Clock clock, KnownVersions known, VersionRuns runs) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.known = known;
		this.runs = runs;
	}

	/**
	 * The fingerprints among {@code fingerprints} each target already confirmed for the resource, by target. Versions
	 * that {@link KnownVersions} says are surely not recorded are not looked up at all; the others are found in the
	 * runs of {@link VersionRuns}, and the batches that carried them are asked in one query which targets confirmed
	 * them.
	 */
	Map<String, Set<Fingerprint>> delivered(String resourceCode, Collection<Fingerprint> fingerprints) {
		Map<String, Set<Fingerprint>> delivered = new HashMap<>();
		byte[][] keys = fingerprints.stream()
			.filter(fingerprint -> this.known.mayHold(resourceCode, fingerprint.head()))
			.map(Fingerprint::bytes)
			.toArray(byte[][]::new);
		if (keys.length == 0) {
			return delivered;
		}
		Map<Long, List<byte[]>> batches = this.runs.batches(keys);
		if (batches.isEmpty()) {
			return delivered;
		}
		this.jdbc.getJdbcTemplate()
			.query("select b.id, c.target from unnest(cast(? as bigint array)) as t(id) "
					+ "join exchange_batch b on b.id = t.id join exchange_confirmation c on c.batch_id = b.id "
					+ "where b.resource_code = ?", statement -> {
						statement.setObject(1, batches.keySet().toArray(Long[]::new));
						statement.setString(2, resourceCode);
					}, (RowCallbackHandler) rs -> {
						Set<Fingerprint> done = delivered.computeIfAbsent(rs.getString("target"), t -> new HashSet<>());
						batches.get(rs.getLong("id")).forEach(key -> done.add(Fingerprint.of(key)));
					});
		return delivered;
	}

	/**
	 * Records that {@code target} confirmed the batch. The first target to confirm it records its record versions
	 * too, in the same transaction; a version in the batch that this target was not sent is one it had confirmed
	 * before, so the batch stands for all of them. {@link KnownVersions} is told of the versions before they are
	 * written.
	 */
	@Transactional
	public void confirm(Pending batch, String target) {
		if (batch.id == null) {
			long id = insertBatch(batch);
			batch.fingerprints.forEach(fingerprint -> this.known.add(batch.resourceCode, fingerprint.head()));
			this.runs.write(id, batch.fingerprints);
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
	 * A batch's record versions that some target has still to confirm, recorded with the first confirmation. The
	 * lanes that deliver it confirm it one at a time, each in a transaction of its own, so that the batch is
	 * committed before another confirmation refers to it.
	 */
	static final class Pending {

		private final String resourceCode;

		private final String name;

		private final List<Fingerprint> fingerprints;

		private Long id;

		Pending(String resourceCode, String name, List<Fingerprint> fingerprints) {
			this.resourceCode = resourceCode;
			this.name = name;
			this.fingerprints = fingerprints;
		}

		String name() {
			return this.name;
		}

	}

}
