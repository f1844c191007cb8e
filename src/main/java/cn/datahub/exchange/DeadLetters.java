package cn.datahub.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import cn.datahub.system.Page;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dead-letter store: records that failed validation, kept with their raw text until fixed and replayed or
 * discarded. A source read again (after a target failed) does not store its bad records twice.
 */
@Repository
public class DeadLetters {

	private static final RowMapper<DeadLetter> MAPPER = (rs, n) -> new DeadLetter(rs.getLong("id"),
			rs.getString("resource_code"), rs.getString("source"), rs.getObject("run_id", Long.class), rs.getLong("line"),
			rs.getString("raw"), rs.getString("field"), rs.getString("reason"), rs.getString("reason_zh"),
			rs.getTimestamp("created_at").toInstant(), rs.getString("status"),
			rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant());

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	DeadLetters(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void store(String resourceCode, String source, long runId, SourceRecord record, Rejection rejection) {
		this.jdbc.update("insert into dead_letter (resource_code, source, run_id, line, raw, field, reason, reason_zh, "
				+ "created_at, status) select :resource, :source, :run, :line, :raw, :field, :reason, :reasonZh, :at, 'OPEN' "
				+ "where not exists (select 1 from dead_letter where resource_code = :resource and source = :source "
				+ "and line = :line)", new MapSqlParameterSource("resource", resourceCode).addValue("source", source)
					.addValue("run", runId).addValue("line", record.line()).addValue("raw", record.raw())
					.addValue("field", rejection.field()).addValue("reason", rejection.reason())
					.addValue("reasonZh", rejection.reasonZh()).addValue("at", Timestamp.from(this.clock.instant())));
	}

	public Optional<DeadLetter> find(long id) {
		return this.jdbc.query("select * from dead_letter where id = :id", new MapSqlParameterSource("id", id), MAPPER)
			.stream().findFirst();
	}

	/** The dead letters one source left (at most {@code limit}), by line. */
	List<DeadLetter> ofSource(String resourceCode, String source, int limit) {
		return this.jdbc.query("select * from dead_letter where resource_code = :resource and source = :source "
				+ "order by line limit :limit", new MapSqlParameterSource("resource", resourceCode).addValue("source", source)
					.addValue("limit", limit), MAPPER);
	}

	/** Dead letters, oldest first, optionally of one resource and/or in one status. */
	public Page<DeadLetter> list(String resourceCode, String status, int page, int size) {
		return ExchangeLog.page(this.jdbc, "dead_letter", "id", MAPPER, resourceCode, status, page, size);
	}

	/** Closes an open dead letter; false if it was not open (replayed or discarded meanwhile). */
	boolean resolve(long id, String status, String raw) {
		return this.jdbc.update("update dead_letter set status = :status, resolved_at = :at, raw = :raw "
				+ "where id = :id and status = 'OPEN'", new MapSqlParameterSource("id", id).addValue("status", status)
					.addValue("raw", raw).addValue("at", Timestamp.from(this.clock.instant()))) == 1;
	}

}
