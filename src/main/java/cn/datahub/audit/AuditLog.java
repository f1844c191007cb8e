package cn.datahub.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cn.datahub.system.Page;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The trail as auditors read it, filtered. Every value reaches the database as a bound parameter, never as text
 * of the statement.
 */
@Repository
class AuditLog {

	private final NamedParameterJdbcTemplate jdbc;

	AuditLog(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of the matching entries, newest first. */
	Page<AuditEntry> find(AuditFilter filter, int page, int size) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", size).addValue("offset", (long) page * size);
		String where = where(filter, parameters);
		long total = this.jdbc.queryForObject("select count(*) from audit_entry" + where, parameters, Long.class);
		return new Page<>(total, page, size, this.jdbc.query("select * from audit_entry" + where
				+ " order by seq desc limit :limit offset :offset", parameters, AuditChain.ENTRY));
	}

	/** Every matching entry in the order of the chain, one at a time, however many there are. */
	void forEach(AuditFilter filter, Consumer<AuditEntry> action) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		this.jdbc.query("select * from audit_entry" + where(filter, parameters) + " order by seq", parameters,
				rs -> {
			action.accept(AuditChain.ENTRY.mapRow(rs, 0));
		});
	}

	private static String where(AuditFilter filter, MapSqlParameterSource parameters) {
		List<String> conditions = new ArrayList<>();
		add(conditions, parameters, "actor = :actor", "actor", filter.actor());
		// The filter admits letters, digits, '.' and '-' only, so no LIKE wildcard can come from the caller.
		add(conditions, parameters, "action like :action", "action", filter.action() == null ? null : filter.action() + "%");
		add(conditions, parameters, "subject = :subject", "subject", filter.subject());
		add(conditions, parameters, "outcome = :outcome", "outcome", filter.outcome());
		add(conditions, parameters, "department = :department", "department", filter.department());
		add(conditions, parameters, "recorded_at >= :from", "from", utc(filter.from()));
		add(conditions, parameters, "recorded_at < :to", "to", utc(filter.to()));
		add(conditions, parameters, "department in (select code from department where region_code in (:regions))",
				"regions", filter.regions());
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static void add(List<String> conditions, MapSqlParameterSource parameters, String condition, String name,
			Object value) {
		if (value != null) {
			conditions.add(condition);
			parameters.addValue(name, value);
		}
	}

}
