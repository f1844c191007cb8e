package cn.datahub.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The dated history of every resource: one row per committed change, never updated.
 */
@Repository
public class ResourceHistory {

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectMapper json;

	ResourceHistory(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A committed change and its place in the history: ids follow the order changes were recorded in. */
	public record Recorded(long id, HistoryEntry entry) {
	}

	public List<HistoryEntry> of(String code) {
		return this.jdbc.query("select version, change, changed_at, snapshot from resource_history where resource_code = :code "
				+ "order by version", new MapSqlParameterSource("code", code), (rs, row) -> entry(rs));
	}

	/** The changes recorded after one history id and up to another, oldest first, at most {@code limit}. */
	public List<Recorded> between(long afterId, long upToId, int limit) {
		return this.jdbc.query("select id, version, change, changed_at, snapshot from resource_history "
				+ "where id > :after and id <= :upTo order by id limit :limit", new MapSqlParameterSource("after", afterId)
					.addValue("upTo", upToId).addValue("limit", limit), (rs, row) -> new Recorded(rs.getLong("id"), entry(rs)));
	}

	private HistoryEntry entry(ResultSet rs) throws SQLException {
		try {
			return new HistoryEntry(rs.getInt("version"), HistoryEntry.Change.valueOf(rs.getString("change")),
					rs.getTimestamp("changed_at").toInstant(), this.json.readValue(rs.getString("snapshot"), Resource.class));
		}
		catch (JsonProcessingException ex) {
			throw new SQLException("Unreadable history snapshot", ex);
		}
	}

	void record(List<Resource> resources, List<HistoryEntry.Change> changes) {
		SqlParameterSource[] rows = new SqlParameterSource[resources.size()];
		for (int i = 0; i < rows.length; i++) {
			Resource r = resources.get(i);
			rows[i] = new MapSqlParameterSource("code", r.code()).addValue("version", r.version())
				.addValue("change", changes.get(i).name()).addValue("at", Timestamp.from(r.updatedAt()))
				.addValue("status", r.status().name()).addValue("provider", r.providerCode())
				.addValue("category", r.category().name()).addValue("domain", r.domain())
				.addValue("shareType", r.shareType().name()).addValue("openType", r.openType().name())
				.addValue("snapshot", snapshot(r));
		}
		this.jdbc.batchUpdate("insert into resource_history (resource_code, version, change, changed_at, status, provider_code, "
				+ "category, domain, share_type, open_type, snapshot) values (:code, :version, :change, :at, :status, :provider, "
				+ ":category, :domain, :shareType, :openType, :snapshot)", rows);
	}

	void forget(String code) {
		this.jdbc.update("delete from resource_history where resource_code = :code", new MapSqlParameterSource("code", code));
	}

	private String snapshot(Resource resource) {
		try {
			return this.json.writeValueAsString(resource);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
