package cn.datahub.exchange;

import java.sql.Timestamp;
import java.time.Clock;

import cn.datahub.system.Page;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The exchange log: one row per run of a source to a target, with its counts and, when it failed, why.
 */
@Repository
public class ExchangeRuns {

	private static final RowMapper<ExchangeRun> MAPPER = (rs, n) -> new ExchangeRun(rs.getLong("id"),
			rs.getString("resource_code"), rs.getString("source"), rs.getString("target"),
			rs.getTimestamp("started_at").toInstant(),
			rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant(), rs.getLong("records_in"),
			rs.getLong("records_out"), rs.getLong("rejected"), rs.getString("status"), rs.getString("error"));

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	ExchangeRuns(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public long start(String resourceCode, String source, String target) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update("insert into exchange_run (resource_code, source, target, started_at, status) "
				+ "values (:resource, :source, :target, :at, 'RUNNING')", new MapSqlParameterSource("resource", resourceCode)
					.addValue("source", source).addValue("target", target).addValue("at", Timestamp.from(this.clock.instant())),
				key, new String[] { "id" });
		return key.getKey().longValue();
	}

	public void finish(long id, long in, long out, long rejected, String error) {
		this.jdbc.update("update exchange_run set ended_at = :at, records_in = :in, records_out = :out, rejected = :rejected, "
				+ "status = :status, error = :error where id = :id", new MapSqlParameterSource("id", id)
					.addValue("at", Timestamp.from(this.clock.instant())).addValue("in", in).addValue("out", out)
					.addValue("rejected", rejected).addValue("status", error == null ? "SUCCEEDED" : "FAILED")
					.addValue("error", error == null ? null : abbreviate(error)));
	}

	/** Runs, newest first, optionally of one resource and/or in one status. */
	public Page<ExchangeRun> list(String resourceCode, String status, int page, int size) {
		return ExchangeLog.page(this.jdbc, "exchange_run", "started_at desc, id desc", MAPPER, resourceCode, status, page, size);
	}

	private static String abbreviate(String error) {
		return error.length() <= 4000 ? error : error.substring(0, 3997) + "...";
	}

}
