package cn.datahub.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent repository: each record version (key and content fingerprint) a target has confirmed. A batch
 * is filtered against it before delivery and recorded in it after, so a re-run or a restart after a crash
 * delivers nothing twice.
 */
@Repository
class Deliveries {

	/** Rows an insert statement carries at most: 5,000 parameters, well within what databases take. */
	private static final int ROWS_A_STATEMENT = 1000;

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

	/**
	 * Records what the target confirmed, in statements of many rows: a JDBC batch is a statement a row, and H2 pays
	 * a statement's start and end (a transaction snapshot, a LOB clean-up it tries to schedule) for each.
	 */
	@Transactional
	public void record(String target, String resourceCode, List<Keyed> records) {
		Timestamp at = Timestamp.from(this.clock.instant());
		for (int from = 0; from < records.size(); from += ROWS_A_STATEMENT) {
			List<Keyed> rows = records.subList(from, Math.min(records.size(), from + ROWS_A_STATEMENT));
			StringBuilder sql = new StringBuilder(
					"insert into exchange_delivery (target, resource_code, record_key, fingerprint, delivered_at) values ");
			List<Object> values = new ArrayList<>(rows.size() * 5);
			for (Keyed row : rows) {
				sql.append(values.isEmpty() ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
				values.addAll(List.of(target, resourceCode, row.key(), row.fingerprint(), at));
			}
			this.jdbc.getJdbcTemplate().update(sql.toString(), values.toArray());
		}
	}

	/** A record's identity for idempotency. */
	record Keyed(String key, String fingerprint) {
	}

}
