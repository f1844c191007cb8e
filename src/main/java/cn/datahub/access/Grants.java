package cn.datahub.access;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The access_grant table.
 */
@Repository
class Grants {

	private static final RowMapper<Grant> MAPPER = Grants::map;

	private final NamedParameterJdbcTemplate jdbc;

	Grants(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores an active grant; its target is named for its id, which the insert decides. */
	Grant insert(AccessRequest request, List<String> fields, LocalDate from, LocalDate until, boolean masked) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update("insert into access_grant (request_id, resource_code, provider_code, consumer_code, fields, "
				+ "valid_from, valid_until, masked, status, target_name) values (:request, :resource, :provider, "
				+ ":consumer, :fields, :from, :until, :masked, 'ACTIVE', 'pending')",
				new MapSqlParameterSource("request", request.id()).addValue("resource", request.resourceCode())
					.addValue("provider", request.providerCode()).addValue("consumer", request.consumerCode())
					.addValue("fields", String.join(",", fields)).addValue("from", Date.valueOf(from))
					.addValue("until", Date.valueOf(until)).addValue("masked", masked),
				key, new String[] { "id" });
		long id = key.getKey().longValue();
		String target = "grant-" + id;
		this.jdbc.update("update access_grant set target_name = :target where id = :id",
				new MapSqlParameterSource("target", target).addValue("id", id));
		return new Grant(id, request.id(), request.resourceCode(), request.providerCode(), request.consumerCode(), fields,
				from, until, masked, GrantStatus.ACTIVE, target, null, null, null);
	}

	/** Ends an active grant; false when it had ended already (a concurrent revocation or expiry). */
	boolean end(long id, GrantStatus status, String reason, String by, Instant at) {
		return this.jdbc.update("update access_grant set status = :status, revoked_reason = :reason, ended_by = :by, "
				+ "ended_at = :at where id = :id and status = 'ACTIVE'", new MapSqlParameterSource("status", status.name())
					.addValue("reason", reason).addValue("by", by).addValue("at", Timestamp.from(at)).addValue("id", id)) > 0;
	}

	Optional<Grant> find(long id) {
		return this.jdbc.query("select * from access_grant where id = :id", new MapSqlParameterSource("id", id), MAPPER)
			.stream().findFirst();
	}

	Optional<Grant> ofRequest(long requestId) {
		return this.jdbc.query("select * from access_grant where request_id = :request",
				new MapSqlParameterSource("request", requestId), MAPPER).stream().findFirst();
	}

	/** The grants a department receives or gives, newest first. */
	List<Grant> ofDepartment(String consumerCode, String providerCode) {
		return this.jdbc.query("select * from access_grant where consumer_code = :consumer or provider_code = :provider "
				+ "order by id desc", new MapSqlParameterSource("consumer", consumerCode).addValue("provider", providerCode),
				MAPPER);
	}

	/** Active grants whose last day is before {@code today}. */
	List<Grant> pastTheirLastDay(LocalDate today) {
		return this.jdbc.query("select * from access_grant where status = 'ACTIVE' and valid_until < :today order by id",
				new MapSqlParameterSource("today", Date.valueOf(today)), MAPPER);
	}

	private static Grant map(ResultSet rs, int row) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		return new Grant(rs.getLong("id"), rs.getLong("request_id"), rs.getString("resource_code"),
				rs.getString("provider_code"), rs.getString("consumer_code"), Arrays.asList(rs.getString("fields").split(",")),
				rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_until").toLocalDate(), rs.getBoolean("masked"),
				GrantStatus.valueOf(rs.getString("status")), rs.getString("target_name"), rs.getString("revoked_reason"),
				rs.getString("ended_by"), ended == null ? null : ended.toInstant());
	}

}
