package cn.datahub.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Codes of resources whose search document is stale. Rows are written in the transaction that changes the
 * resource and removed only once the index has taken the change, so a change survives Elasticsearch being down.
 */
@Repository
public class IndexOutbox {

	/** An outbox row: the resource to re-read from the database and index. */
	public record Entry(long id, String resourceCode) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	IndexOutbox(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void enqueue(Collection<String> codes, Instant at) {
		this.jdbc.batchUpdate("insert into index_outbox (resource_code, enqueued_at) values (:code, :at)",
				codes.stream().map(code -> new MapSqlParameterSource("code", code).addValue("at", Timestamp.from(at)))
					.toArray(SqlParameterSource[]::new));
	}

	public List<Entry> oldest(int limit) {
		return this.jdbc.query("select id, resource_code from index_outbox order by id limit :limit",
				new MapSqlParameterSource("limit", limit), (rs, row) -> new Entry(rs.getLong("id"), rs.getString("resource_code")));
	}

	public void remove(List<Entry> entries) {
		this.jdbc.batchUpdate("delete from index_outbox where id = :id",
				entries.stream().map(e -> new MapSqlParameterSource("id", e.id())).toArray(SqlParameterSource[]::new));
	}

	public long size() {
		return this.jdbc.getJdbcTemplate().queryForObject("select count(*) from index_outbox", Long.class);
	}

}
