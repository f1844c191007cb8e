package cn.datahub.exchange;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * What the answer of a push route means, for every pusher alike: only a 2xx confirms a batch; a 4xx is the target
 * refusing it ({@link TargetRefused}), its answer kept for the log; anything else, once the route's retries are
 * spent, is a failure to try again later.
 */
public final class PushAnswers {

	private static final int MAX_ANSWER = 500;

	private PushAnswers() {
	}

	/** @throws TargetRefused on a 4xx; an IOException naming the cause when no 2xx came back */
	public static void check(Exchange answer, String target, String batchId) throws IOException {
		HttpOperationFailedException refused = answer.getException(HttpOperationFailedException.class);
		if (refused != null && refused.getStatusCode() < 500) {
			throw new TargetRefused(target + " answered HTTP " + refused.getStatusCode() + " to batch " + batchId + ": "
					+ abbreviate(refused.getResponseBody()), refused);
		}
		Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
		if (answer.getException() != null || status == null || status / 100 != 2) {
			Throwable failure = answer.getException() == null ? null : rootCause(answer.getException());
			throw new IOException(target + " did not take batch " + batchId + ": "
					+ (failure == null ? "no 2xx answer (circuit breaker open)" : failure.toString()), failure);
		}
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String abbreviate(String answer) {
		if (answer == null || answer.isBlank()) {
			return "(no body)";
		}
		return answer.length() <= MAX_ANSWER ? answer : answer.substring(0, MAX_ANSWER) + "…";
	}

}
