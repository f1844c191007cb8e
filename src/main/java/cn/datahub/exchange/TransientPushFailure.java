package cn.datahub.exchange;

import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Whether a failed push is worth sending again ({@code routes/push-errors.camel.yaml}): a 5xx, a timeout, a reset
 * connection or an answer that is not HTTP; for a database, a lost connection, a deadlock or a timeout; for a file
 * outbox, a write that failed. A 4xx or a table that cannot take the records is a refusal and an open circuit breaker a
 * decision not to call; neither is retried. The circuit breaker wraps what the call threw, so the whole chain of causes
 * is looked at.
 */
@Component
class TransientPushFailure implements Predicate {

	@Override
	public boolean matches(Exchange exchange) {
		Throwable failure = exchange.getException() != null ? exchange.getException()
				: exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
		return failure != null && transientFailure(failure);
	}

	/** Whether {@code failure}, or a cause of it, is one a later attempt may get over. */
	static boolean transientFailure(Throwable failure) {
		if (ObjectHelper.getException(CallNotPermittedException.class, failure) != null) {
			return false;
		}
		HttpOperationFailedException answered = ObjectHelper.getException(HttpOperationFailedException.class, failure);
		if (answered != null) {
			return answered.getStatusCode() >= 500;
		}
		return Stream.of(DataAccessResourceFailureException.class, TransientDataAccessException.class,
				RecoverableDataAccessException.class, SQLTransientException.class, SQLRecoverableException.class,
				IOException.class)
			.anyMatch(type -> ObjectHelper.getException(type, failure) != null);
	}

}
