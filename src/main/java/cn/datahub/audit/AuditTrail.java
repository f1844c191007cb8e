package cn.datahub.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where the hub records what happened: the package's entry point. The actor is the caller of the request (the hub
 * itself, {@code system}, outside one), the address the request's remote address as the servlet container gives it
 * (behind a proxy, only once {@code server.forward-headers-strategy} is set), the time the hub's clock.
 * <p>
 * A change is recorded in the caller's transaction and chained just before it commits: a change that rolls back
 * leaves no entry, and the chain's lock is held for the last moment of a transaction only, not through an import.
 * Refusals and logins are recorded at once in a transaction of their own, so they stay recorded when the caller's
 * rolls back, as a refusal's exception makes it do.
 */
@Service
public class AuditTrail {

	private static final int ACTOR_LENGTH = 100;

	private static final int SUBJECT_LENGTH = 300;

	private static final int DETAIL_LENGTH = 2000;

	private final AuditChain chain;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	AuditTrail(AuditChain chain, ObjectMapper json, Clock clock, PlatformTransactionManager transactions) {
		this.chain = chain;
		this.json = json;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * A change by the current caller: {@code before} and {@code after} are recorded as JSON, null for a creation's
	 * before and a deletion's after. Recorded when the caller's transaction commits, at once if there is none.
	 *
	 * @param action what was done, {@code <kind>.<verb>}: {@code resource.update}, {@code target.delete}
	 * @param subject what it was done to, {@code <kind>:<key>}: {@code resource:371525-GA-0001}
	 */
	public void changed(String action, String subject, Object before, Object after) {
		AuditEntry entry = entry(Caller.current(), action, subject, Outcome.DONE, null, write(before), write(after));
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isSynchronizationActive()) {
			pending().entries.add(entry);
		}
		else {
			appendNow(entry);
		}
	}

	/** An action the current caller was not allowed, recorded whatever becomes of the caller's transaction. */
	public void refused(String action, String subject, String reason) {
		appendNow(entry(Caller.current(), action, subject, Outcome.REFUSED, reason, null, null));
	}

	/** A successful login (action {@code login}, subject {@code account:<username>}). */
	public void loggedIn(Caller account) {
		appendNow(entry(account, "login", "account:" + account.username(), Outcome.DONE, null, null, null));
	}

	/** A failed login, under the username tried (action {@code login.failed}); the reason must carry no secret. */
	public void loginFailed(String usernameTried, String reason) {
		appendNow(entry(new Caller(usernameTried, null, null, Set.of()), "login.failed", "account:" + usernameTried,
				Outcome.FAILED, reason, null, null));
	}

	private void appendNow(AuditEntry entry) {
		this.ownTransaction.executeWithoutResult(status -> this.chain.append(List.of(entry)));
	}

	private AuditEntry entry(Caller actor, String action, String subject, Outcome outcome, String detail, String before,
			String after) {
		return new AuditEntry(0, this.clock.instant().truncatedTo(ChronoUnit.MICROS), clip(actor.username(), ACTOR_LENGTH),
				actor.departmentCode(), remoteAddress(), action, clip(subject, SUBJECT_LENGTH), outcome.name(),
				clip(detail, DETAIL_LENGTH), before, after, null, null);
	}

	private static String remoteAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				? request.getRequest().getRemoteAddr() : null;
	}

	/** The entries of the current transaction, chained by one append just before it commits. */
	private Pending pending() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Pending pending && pending.chain == this.chain) {
				return pending;
			}
		}
		Pending pending = new Pending(this.chain);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	private String write(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot record " + value.getClass().getSimpleName() + " as JSON", ex);
		}
	}

	/** An over-long username tried at login or reason is cut, never a reason to lose the entry. */
	private static String clip(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	private static final class Pending implements TransactionSynchronization {

		private final AuditChain chain;

		private final List<AuditEntry> entries = new ArrayList<>();

		Pending(AuditChain chain) {
			this.chain = chain;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.chain.append(this.entries);
		}

	}

}
