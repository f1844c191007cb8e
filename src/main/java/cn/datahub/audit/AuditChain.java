package cn.datahub.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The stored chain: entries and the head row that names the last of them. Appending locks the head, so that one
 * append at a time, in this hub or another on the same database, reads the last hash and moves the head on.
 */
@Repository
class AuditChain {

	static final RowMapper<AuditEntry> ENTRY = AuditChain::entry;

	private final NamedParameterJdbcTemplate jdbc;

	AuditChain(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The last entry's sequence and hash, as committed. */
	record Head(long seq, String hash) {
	}

	/**
	 * Chains and stores the entries after the current head. Must run in a transaction: the head stays locked
	 * until it ends, which keeps the chain linear.
	 */
	void append(List<AuditEntry> entries) {
		Head head = this.jdbc.queryForObject("select seq, hash from audit_head where id = 1 for update",
				new MapSqlParameterSource(), (rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")));
		List<SqlParameterSource> rows = new ArrayList<>(entries.size());
		long seq = head.seq();
		String previous = head.hash();
		for (AuditEntry entry : entries) {
			AuditEntry chained = entry.chained(++seq, previous);
			rows.add(row(chained));
			previous = chained.hash();
		}
		this.jdbc.batchUpdate("insert into audit_entry (seq, recorded_at, actor, department, remote_address, action, "
				+ "subject, outcome, detail, before_value, after_value, previous_hash, hash) values (:seq, :time, :actor, "
				+ ":department, :remoteAddress, :action, :subject, :outcome, :detail, :before, :after, :previousHash, :hash)",
				rows.toArray(SqlParameterSource[]::new));
		this.jdbc.update("update audit_head set seq = :seq, hash = :hash where id = 1",
				new MapSqlParameterSource("seq", seq).addValue("hash", previous));
	}

	Head head() {
		return this.jdbc.queryForObject("select seq, hash from audit_head where id = 1", new MapSqlParameterSource(),
				(rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")));
	}

	/** Up to {@code limit} entries after {@code seq} and up to {@code last}, in sequence. */
	List<AuditEntry> after(long seq, long last, int limit) {
		return this.jdbc.query("select * from audit_entry where seq > :after and seq <= :last order by seq limit :limit",
				new MapSqlParameterSource("after", seq).addValue("last", last).addValue("limit", limit), ENTRY);
	}

	/** The first entry beyond the head: none was ever appended there. Asked in one statement, so no append races it. */
	Long firstBeyondHead() {
		return this.jdbc.queryForObject("select min(e.seq) from audit_entry e join audit_head h on e.seq > h.seq",
				new MapSqlParameterSource(), Long.class);
	}

	private static MapSqlParameterSource row(AuditEntry entry) {
		return new MapSqlParameterSource("seq", entry.seq())
			.addValue("time", OffsetDateTime.ofInstant(entry.time(), ZoneOffset.UTC)).addValue("actor", entry.actor())
			.addValue("department", entry.department()).addValue("remoteAddress", entry.remoteAddress())
			.addValue("action", entry.action()).addValue("subject", entry.subject())
			.addValue("outcome", entry.outcome()).addValue("detail", entry.detail())
			.addValue("before", entry.before()).addValue("after", entry.after())
			.addValue("previousHash", entry.previousHash()).addValue("hash", entry.hash());
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("department"), rs.getString("remote_address"), rs.getString("action"),
				rs.getString("subject"), rs.getString("outcome"), rs.getString("detail"),
				rs.getString("before_value"), rs.getString("after_value"), rs.getString("previous_hash"),
				rs.getString("hash"));
	}

}
