package cn.datahub.exchange.catalogue;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The platforms' cursors in the catalogue's history ({@code catalogue_push_cursor}). Only a platform's own push
 * route moves its cursor forward, so a hub restarted resumes exactly where the platform last confirmed.
 */
@Repository
class PushCursors {

	private static final int MAX_ERROR = 4000;

	private static final RowMapper<PushCursor> MAPPER = (rs, n) -> new PushCursor(rs.getString("platform"),
			rs.getLong("last_history_id"), rs.getObject("pending_to", Long.class),
			rs.getTimestamp("held_since") == null ? null : rs.getTimestamp("held_since").toInstant(),
			rs.getString("last_error"), rs.getTimestamp("updated_at").toInstant());

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	PushCursors(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A platform new to the catalogue exchange starts before the first change: it receives the whole history. */
	void ensure(String platform) {
		if (find(platform).isEmpty()) {
			try {
				this.jdbc.update("insert into catalogue_push_cursor (platform, last_history_id, updated_at) "
						+ "values (:platform, 0, :at)", parameters(platform));
			}
			catch (DuplicateKeyException ex) {
				// another hub on the same database made it first: the same row
			}
		}
	}

	Optional<PushCursor> find(String platform) {
		return this.jdbc.query("select * from catalogue_push_cursor where platform = :platform", parameters(platform), MAPPER)
			.stream().findFirst();
	}

	List<PushCursor> all() {
		return this.jdbc.query("select * from catalogue_push_cursor order by platform", MAPPER);
	}

	/** The batch up to this change is on its way: until it is confirmed, it is the batch sent. */
	void sending(String platform, long upTo) {
		update(platform, "pending_to = :upTo", parameters(platform).addValue("upTo", upTo));
	}

	/** The platform confirmed every change up to this one (or they were none of its concern). */
	void confirmed(String platform, long upTo) {
		update(platform, "last_history_id = :upTo, pending_to = null, last_error = null",
				parameters(platform).addValue("upTo", upTo));
	}

	/** The pending batch failed and is sent again at the next poll. */
	void failed(String platform, String error) {
		update(platform, "last_error = :error", parameters(platform).addValue("error", abbreviate(error)));
	}

	/** The platform refused the pending batch: its push waits for an operator. */
	void hold(String platform, String error) {
		update(platform, "held_since = :at, last_error = :error", parameters(platform).addValue("error", abbreviate(error)));
	}

	/** Lets the push go on: with the refused batch sent again, or, skipping it, with the changes after it. */
	boolean resume(String platform, boolean skip) {
		return update(platform, "held_since = null" + (skip ? ", last_history_id = coalesce(pending_to, last_history_id), "
				+ "pending_to = null" : ""), parameters(platform)) == 1;
	}

	private int update(String platform, String set, MapSqlParameterSource parameters) {
		return this.jdbc.update("update catalogue_push_cursor set " + set + ", updated_at = :at where platform = :platform",
				parameters);
	}

	private MapSqlParameterSource parameters(String platform) {
		return new MapSqlParameterSource("platform", platform).addValue("at", Timestamp.from(this.clock.instant()));
	}

	private static String abbreviate(String error) {
		return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
	}

}
