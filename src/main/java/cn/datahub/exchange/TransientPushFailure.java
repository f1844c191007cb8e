package cn.datahub.exchange;

import java.io.IOException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;

import org.springframework.stereotype.Component;

/**
 * Whether a failed push is worth sending again ({@code routes/push-errors.camel.yaml}): a 5xx, a timeout, a reset
 * connection or an answer that is not HTTP. A 4xx is a refusal and an open circuit breaker a decision not to
 * call; neither is retried. The circuit breaker wraps what the call threw, so the whole chain of causes is looked at.
 */
@Component
class TransientPushFailure implements Predicate {

	@Override
	public boolean matches(Exchange exchange) {
		Throwable failure = exchange.getException() != null ? exchange.getException()
				: exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
		if (failure == null || ObjectHelper.getException(CallNotPermittedException.class, failure) != null) {
			return false;
		}
		HttpOperationFailedException answered = ObjectHelper.getException(HttpOperationFailedException.class, failure);
		if (answered != null) {
			return answered.getStatusCode() >= 500;
		}
		return ObjectHelper.getException(IOException.class, failure) != null;
	}

}
