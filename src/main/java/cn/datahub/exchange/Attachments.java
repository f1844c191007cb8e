package cn.datahub.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.audit.AuditTrail;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attachments and their health. The watermark moves only through {@link #succeeded}, which the pull calls
 * once the targets confirmed the run. Adding and removing one are audited with it, in one transaction.
 */
@Repository
class Attachments {

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectMapper json;

	private final AuditTrail audit;

	private final Clock clock;

	Attachments(NamedParameterJdbcTemplate jdbc, ObjectMapper json, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Attachment add(AttachmentForm form) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update("insert into exchange_attachment (resource_code, kind, settings, created_at) "
				+ "values (:resource, :kind, :settings, :at)", new MapSqlParameterSource("resource", form.resourceCode())
					.addValue("kind", form.kind()).addValue("settings", write(form))
					.addValue("at", Timestamp.from(this.clock.instant())), key, new String[] { "id" });
		Attachment attachment = find(key.getKey().longValue()).orElseThrow();
		this.audit.changed("attachment.create", subject(attachment.id()), null, attachment);
		return attachment;
	}

	Optional<Attachment> find(long id) {
		return this.jdbc.query("select * from exchange_attachment where id = :id", new MapSqlParameterSource("id", id),
				this::map).stream().findFirst();
	}

	List<Attachment> list(String resourceCode) {
		return this.jdbc.query("select * from exchange_attachment where (:resource is null or resource_code = :resource) "
				+ "order by id", new MapSqlParameterSource("resource", resourceCode), this::map);
	}

	@Transactional
	boolean remove(long id) {
		Optional<Attachment> before = find(id);
		before.ifPresent(attachment -> this.audit.changed("attachment.delete", subject(id), attachment, null));
		return this.jdbc.update("delete from exchange_attachment where id = :id", new MapSqlParameterSource("id", id)) == 1;
	}

	private static String subject(long id) {
		return "attachment:" + id;
	}

	/** A run the targets confirmed: the source is acknowledged up to {@code watermark}. */
	void succeeded(long id, String watermark) {
		this.jdbc.update("update exchange_attachment set watermark = :watermark, last_success_at = :at, "
				+ "consecutive_failures = 0 where id = :id", new MapSqlParameterSource("id", id)
					.addValue("watermark", watermark).addValue("at", Timestamp.from(this.clock.instant())));
	}

	/** A failed run: the watermark stays, so the next poll reads the same records again. */
	void failed(long id, String error) {
		this.jdbc.update("update exchange_attachment set last_failure_at = :at, last_error = :error, "
				+ "consecutive_failures = consecutive_failures + 1 where id = :id", new MapSqlParameterSource("id", id)
					.addValue("error", error.length() <= 4000 ? error : error.substring(0, 3997) + "...")
					.addValue("at", Timestamp.from(this.clock.instant())));
	}

	private Attachment map(ResultSet rs, int row) throws SQLException {
		AttachmentForm form = read(rs.getString("settings"));
		Instant success = instant(rs.getTimestamp("last_success_at"));
		Long lag = success == null ? null : Duration.between(success, this.clock.instant()).toSeconds();
		Attachment.Health health = new Attachment.Health(rs.getString("watermark"), success, lag,
				rs.getInt("consecutive_failures"), instant(rs.getTimestamp("last_failure_at")), rs.getString("last_error"));
		return new Attachment(rs.getLong("id"), rs.getString("resource_code"), rs.getString("kind"), form.http(),
				form.jdbc(), form.file(), rs.getTimestamp("created_at").toInstant(), health);
	}

	private String write(AttachmentForm form) {
		try {
			return this.json.writeValueAsString(form);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private AttachmentForm read(String settings) {
		try {
			return this.json.readValue(settings, AttachmentForm.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable attachment settings: " + settings, ex);
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
