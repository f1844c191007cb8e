package cn.datahub.exchange;

import java.util.List;
import java.util.Map;

import cn.datahub.system.ProblemBodies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem bodies for pushed records: a body that cannot be read (400, naming the body), and a batch not every
 * target confirmed (503 with Retry-After when a target is unreachable, 502 when a target refused the records).
 */
@RestControllerAdvice
class ExchangeProblems {

	/** Seconds a sender waits before sending an unconfirmed batch again. */
	static final int RETRY_AFTER_SECONDS = 30;

	@ExceptionHandler
	ProblemDetail unreadable(UnreadableRecords ex) {
		return ProblemBodies.of(HttpStatus.BAD_REQUEST, "Unreadable records", "The body cannot be read as records: "
				+ ex.getMessage() + "; nothing was taken in", List.of(Map.of("field", "body", "message", ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notDelivered(PushNotDelivered ex) {
		if (ex.refused()) {
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(ProblemBodies.of(HttpStatus.BAD_GATEWAY,
					"Records refused by a target", "Batch " + ex.batchId() + " was refused: " + ex.getMessage()
							+ "; fix the records before sending them again"));
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
			.body(ProblemBodies.of(HttpStatus.SERVICE_UNAVAILABLE, "Batch not confirmed", "Not every target confirmed batch "
					+ ex.batchId() + " (" + ex.getMessage() + "); nothing is lost: send it again with the same X-Batch-Id"));
	}

}
