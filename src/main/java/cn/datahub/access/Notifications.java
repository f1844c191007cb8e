package cn.datahub.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the parties of a request of each change: a notice in each department's inbox and, for a department with a
 * webhook in {@code config/access.yaml}, a call waiting in the webhook outbox. Both are written in the change's own
 * transaction, so a notice is never sent for a change that did not happen, and none is lost.
 */
@Component
class Notifications {

	private static final RowMapper<Notification> MAPPER = (rs, n) -> new Notification(rs.getLong("id"),
			rs.getLong("request_id"), (Long) rs.getObject("grant_id"), rs.getString("event"), rs.getString("message"),
			rs.getString("message_zh"), rs.getTimestamp("created_at").toInstant(),
			rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessSettings settings;

	private final ObjectMapper json;

	private final Clock clock;

	Notifications(NamedParameterJdbcTemplate jdbc, AccessSettings settings, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
	}

	/** Tells every party of the request; {@code reason} is the decision's or revocation's, if any. */
	void tell(RequestEvent event, AccessRequest request, Grant grant, String reason) {
		Timestamp now = Timestamp.from(this.clock.instant());
		String message = event.message(request, reason);
		String messageZh = event.messageZh(request, reason);
		for (String department : request.parties()) {
			this.jdbc.update("insert into access_notification (department_code, request_id, grant_id, event, message, "
					+ "message_zh, created_at) values (:department, :request, :grant, :event, :message, :messageZh, :at)",
					new MapSqlParameterSource("department", department).addValue("request", request.id())
						.addValue("grant", grant == null ? null : grant.id()).addValue("event", event.name())
						.addValue("message", message).addValue("messageZh", messageZh).addValue("at", now));
			this.settings.webhook(department).ifPresent(url -> this.jdbc.update("insert into access_webhook "
					+ "(department_code, url, body, attempts, next_attempt_at, gave_up) values (:department, :url, :body, 0, "
					+ ":at, false)", new MapSqlParameterSource("department", department).addValue("url", url.toString())
						.addValue("body", body(event, request, grant, department, message, messageZh, now))
						.addValue("at", now)));
		}
	}

	/** A department's notices, newest first; only the unread ones if asked. */
	List<Notification> of(String department, boolean unreadOnly) {
		return this.jdbc.query("select * from access_notification where department_code = :department "
				+ (unreadOnly ? "and read_at is null " : "") + "order by id desc limit 500",
				new MapSqlParameterSource("department", department), MAPPER);
	}

	/** Marks a notice of the department read; false when the department has no such notice. */
	boolean markRead(long id, String department) {
		return this.jdbc.update("update access_notification set read_at = coalesce(read_at, :at) where id = :id "
				+ "and department_code = :department", new MapSqlParameterSource("id", id)
					.addValue("department", department).addValue("at", Timestamp.from(this.clock.instant()))) > 0;
	}

	private String body(RequestEvent event, AccessRequest r, Grant grant, String department, String message,
			String messageZh, Timestamp at) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", event.name());
		body.put("department", department);
		body.put("requestId", r.id());
		body.put("grantId", grant == null ? null : grant.id());
		body.put("resourceCode", r.resourceCode());
		body.put("providerCode", r.providerCode());
		body.put("consumerCode", r.consumerCode());
		body.put("status", r.status().name());
		body.put("at", at.toInstant().toString());
		body.put("message", message);
		body.put("messageZh", messageZh);
		try {
			return this.json.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
