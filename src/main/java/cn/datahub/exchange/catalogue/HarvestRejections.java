package cn.datahub.exchange.catalogue;

import java.sql.Timestamp;
import java.time.Instant;

import cn.datahub.system.Page;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The entries harvests skipped ({@code catalogue_harvest_rejection}), each with its run, where it stood, why, and
 * the entry as the platform sent it.
 */
@Repository
class HarvestRejections {

	private static final RowMapper<HarvestRejection> MAPPER = (rs, n) -> new HarvestRejection(rs.getLong("id"),
			rs.getLong("run_id"), rs.getString("platform"), rs.getInt("page"), rs.getInt("position"), rs.getString("code"),
			rs.getString("reason"), rs.getString("entry"), rs.getTimestamp("rejected_at").toInstant());

	private final NamedParameterJdbcTemplate jdbc;

	HarvestRejections(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(long runId, String platform, HarvestReport.Rejection rejection, String entry, Instant at) {
		this.jdbc.update("insert into catalogue_harvest_rejection (run_id, platform, page, position, code, reason, entry, "
				+ "rejected_at) values (:run, :platform, :page, :position, :code, :reason, :entry, :at)",
				new MapSqlParameterSource("run", runId).addValue("platform", platform).addValue("page", rejection.page())
					.addValue("position", rejection.position()).addValue("code", abbreviate(rejection.code(), 200))
					.addValue("reason", abbreviate(rejection.reason(), 2000)).addValue("entry", entry)
					.addValue("at", Timestamp.from(at)));
	}

	/** Rejections of a run and/or a platform, newest first. */
	Page<HarvestRejection> list(Long runId, String platform, int page, int size) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("run", runId).addValue("platform", platform)
			.addValue("limit", size).addValue("offset", (long) page * size);
		String where = " where (cast(:run as bigint) is null or run_id = :run) and (cast(:platform as varchar(63)) is null "
				+ "or platform = :platform)";
		long total = this.jdbc.queryForObject("select count(*) from catalogue_harvest_rejection" + where, parameters, Long.class);
		return new Page<>(total, page, size, this.jdbc.query("select * from catalogue_harvest_rejection" + where
				+ " order by id desc limit :limit offset :offset", parameters, MAPPER));
	}

	private static String abbreviate(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	/** An entry a harvest skipped. */
	record HarvestRejection(long id, long runId, String platform, int page, int position, String code, String reason,
			String entry, Instant rejectedAt) {
	}

}
