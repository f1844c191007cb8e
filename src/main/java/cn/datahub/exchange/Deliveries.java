package cn.datahub.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent repository: each record version (key and content fingerprint) a target has confirmed. A batch
 * is filtered against it before delivery and recorded in it after, so a re-run or a restart after a crash
 * delivers nothing twice.
 */
@Repository
class Deliveries {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	Deliveries(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The fingerprints among {@code fingerprints} each target already confirmed for the resource, by target: one
	 * query a batch, whatever the number of targets.
	 */
	Map<String, Set<String>> delivered(String resourceCode, Collection<String> fingerprints) {
		Map<String, Set<String>> delivered = new HashMap<>();
		if (fingerprints.isEmpty()) {
			return delivered;
		}
		this.jdbc.query("select target, fingerprint from exchange_delivery where fingerprint in (:fingerprints) "
				+ "and resource_code = :resource", new MapSqlParameterSource("fingerprints", fingerprints)
					.addValue("resource", resourceCode), (RowCallbackHandler) rs -> delivered
						.computeIfAbsent(rs.getString("target"), t -> new HashSet<>()).add(rs.getString("fingerprint")));
		return delivered;
	}

	@Transactional
	public void record(String target, String resourceCode, List<Keyed> records) {
		Timestamp at = Timestamp.from(this.clock.instant());
		this.jdbc.batchUpdate("insert into exchange_delivery (target, resource_code, record_key, fingerprint, delivered_at) "
				+ "values (:target, :resource, :key, :fingerprint, :at)", records.stream()
					.map(r -> (SqlParameterSource) new MapSqlParameterSource("target", target).addValue("resource", resourceCode)
						.addValue("key", r.key()).addValue("fingerprint", r.fingerprint()).addValue("at", at))
					.toArray(SqlParameterSource[]::new));
	}

	/** A record's identity for idempotency. */
	record Keyed(String key, String fingerprint) {
	}

}
