package cn.datahub.access;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The access_request table.
 */
@Repository
class AccessRequests {

	private static final RowMapper<AccessRequest> MAPPER = AccessRequests::map;

	private final NamedParameterJdbcTemplate jdbc;

	AccessRequests(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new request and answers its id; a second open request of the resource and consumer breaks a key. */
	long insert(AccessRequest r) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update("insert into access_request (resource_code, provider_code, consumer_code, region_code, purpose, "
				+ "fields, valid_until, delivery_url, delivery_target, status, stage, data_authority_code, provider_days, "
				+ "due_date, calendar_incomplete, decision_reason, submitted_by, submitted_at, decided_by, decided_at, "
				+ "decision_days) values (:resource, :provider, :consumer, :region, :purpose, :fields, :validUntil, "
				+ ":deliveryUrl, :deliveryTarget, :status, :stage, :authority, :providerDays, :due, :incomplete, :reason, "
				+ ":submittedBy, :submittedAt, :decidedBy, :decidedAt, :decisionDays)",
				new MapSqlParameterSource("resource", r.resourceCode()).addValue("provider", r.providerCode())
					.addValue("consumer", r.consumerCode()).addValue("region", r.regionCode())
					.addValue("purpose", r.purpose()).addValue("fields", String.join(",", r.fields()))
					.addValue("validUntil", Date.valueOf(r.validUntil())).addValue("deliveryUrl", r.deliveryUrl())
					.addValue("deliveryTarget", r.deliveryTarget()).addValue("authority", r.dataAuthority())
					.addValue("providerDays", r.providerDays()).addValue("submittedBy", r.submittedBy())
					.addValue("submittedAt", Timestamp.from(r.submittedAt()))
					.addValues(state(r).getValues()),
				key, new String[] { "id" });
		return key.getKey().longValue();
	}

	/**
	 * Writes what a step changes (status, stage, due date, decision) if the request still stands where the step
	 * found it; false when another step came first.
	 */
	boolean update(AccessRequest r, AccessRequest before) {
		return this.jdbc.update("update access_request set status = :status, stage = :stage, due_date = :due, "
				+ "calendar_incomplete = :incomplete, decision_reason = :reason, decided_by = :decidedBy, "
				+ "decided_at = :decidedAt, decision_days = :decisionDays where id = :id and status = :statusBefore "
				+ "and coalesce(stage, '-') = :stageBefore", state(r).addValue("id", r.id())
					.addValue("statusBefore", before.status().name())
					.addValue("stageBefore", before.stage() == null ? "-" : before.stage().name())) > 0;
	}

	Optional<AccessRequest> find(long id) {
		return this.jdbc.query("select * from access_request where id = :id", new MapSqlParameterSource("id", id), MAPPER)
			.stream().findFirst();
	}

	/** A consumer department's requests, newest first. */
	List<AccessRequest> ofConsumer(String consumerCode) {
		return this.jdbc.query("select * from access_request where consumer_code = :consumer order by id desc",
				new MapSqlParameterSource("consumer", consumerCode), MAPPER);
	}

	/** What awaits a department's approvers, the nearest deadline first. */
	List<AccessRequest> awaiting(String departmentCode) {
		return this.jdbc.query("select * from access_request where status = 'SUBMITTED' and ((stage = 'PROVIDER' and "
				+ "provider_code = :department) or (stage = 'COMPLIANCE' and data_authority_code = :department)) "
				+ "order by due_date, id", new MapSqlParameterSource("department", departmentCode), MAPPER);
	}

	/** Requests of providers in these regions still under review past their stage's last day, oldest due first. */
	List<AccessRequest> overdue(Collection<String> regionCodes, LocalDate today) {
		return this.jdbc.query("select * from access_request where status = 'SUBMITTED' and due_date < :today "
				+ "and region_code in (:regions) order by due_date, id",
				new MapSqlParameterSource("today", Date.valueOf(today)).addValue("regions", regionCodes), MAPPER);
	}

	/** Every request of providers in these regions, for the request reports. */
	List<AccessRequest> inRegions(Collection<String> regionCodes) {
		return this.jdbc.query("select * from access_request where region_code in (:regions)",
				new MapSqlParameterSource("regions", regionCodes), MAPPER);
	}

	private static MapSqlParameterSource state(AccessRequest r) {
		return new MapSqlParameterSource("status", r.status().name())
			.addValue("stage", r.stage() == null ? null : r.stage().name())
			.addValue("due", r.dueDate() == null ? null : Date.valueOf(r.dueDate()))
			.addValue("incomplete", r.calendarIncomplete()).addValue("reason", r.decisionReason())
			.addValue("decidedBy", r.decidedBy())
			.addValue("decidedAt", r.decidedAt() == null ? null : Timestamp.from(r.decidedAt()))
			.addValue("decisionDays", r.decisionDays());
	}

	private static AccessRequest map(ResultSet rs, int row) throws SQLException {
		return new AccessRequest(rs.getLong("id"), rs.getString("resource_code"), rs.getString("provider_code"),
				rs.getString("consumer_code"), rs.getString("region_code"), rs.getString("purpose"),
				Arrays.asList(rs.getString("fields").split(",")), rs.getDate("valid_until").toLocalDate(),
				rs.getString("delivery_url"), rs.getString("delivery_target"), RequestStatus.valueOf(rs.getString("status")),
				rs.getString("stage") == null ? null : Stage.valueOf(rs.getString("stage")),
				rs.getString("data_authority_code"), rs.getInt("provider_days"),
				rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate(),
				rs.getBoolean("calendar_incomplete"), rs.getString("decision_reason"), rs.getString("submitted_by"),
				instant(rs.getTimestamp("submitted_at")), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
				(Integer) rs.getObject("decision_days"));
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
