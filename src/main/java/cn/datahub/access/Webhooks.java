package cn.datahub.access;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes the webhook calls waiting in the outbox ({@code routes/access-webhooks.camel.yaml} calls it): each one
 * POSTed as JSON; one that fails is tried again after 1, 2, 4 … minutes (at most an hour), and given up after the
 * configured attempts, with a warning in the log. A decision never waits for a department's server.
 */
@Component
public class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	private static final int BATCH = 50;

	private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessProperties properties;

	private final Clock clock;

	private final HttpClient http;

	Webhooks(NamedParameterJdbcTemplate jdbc, AccessProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build();
	}

	/** Sends the calls that are due; answers how many were delivered. */
	public int sendDue() {
		List<Call> due = this.jdbc.query("select id, department_code, url, body, attempts from access_webhook where "
				+ "delivered_at is null and gave_up = false and next_attempt_at <= :now order by id limit " + BATCH,
				new MapSqlParameterSource("now", Timestamp.from(this.clock.instant())),
				(rs, n) -> new Call(rs.getLong("id"), rs.getString("department_code"), rs.getString("url"),
						rs.getString("body"), rs.getInt("attempts")));
		int delivered = 0;
		for (Call call : due) {
			String error = post(call);
			if (error == null) {
				delivered++;
				this.jdbc.update("update access_webhook set delivered_at = :at, attempts = attempts + 1 where id = :id",
						new MapSqlParameterSource("at", Timestamp.from(this.clock.instant())).addValue("id", call.id()));
			}
			else {
				failed(call, error);
			}
		}
		return delivered;
	}

	private String post(Call call) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(call.url())).timeout(this.properties.webhookTimeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8)).build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return status >= 200 && status < 300 ? null : "answered " + status;
		}
		catch (IOException ex) {
			return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private void failed(Call call, String error) {
		int attempts = call.attempts() + 1;
		boolean giveUp = attempts >= this.properties.webhookAttempts();
		Duration pause = Duration.ofMinutes(1L << Math.min(attempts - 1, 10));
		Instant next = this.clock.instant().plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause);
		this.jdbc.update("update access_webhook set attempts = :attempts, gave_up = :giveUp, last_error = :error, "
				+ "next_attempt_at = :next where id = :id", new MapSqlParameterSource("attempts", attempts)
					.addValue("giveUp", giveUp).addValue("error", error).addValue("next", Timestamp.from(next))
					.addValue("id", call.id()));
		if (giveUp) {
			log.warn("Gave up the webhook call {} to department {} at {} after {} attempts: {}", call.id(),
					call.department(), call.url(), attempts, error);
		}
	}

	private record Call(long id, String department, String url, String body, int attempts) {
	}

}
