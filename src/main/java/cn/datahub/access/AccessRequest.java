package cn.datahub.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A consumer department's request (共享申请) to use a provider's resource, as stored.
 *
 * @param regionCode the provider's region: its review stages, and the auditors who see the request overdue
 * @param fields the data items asked for
 * @param validUntil the last day the consumer asks to use them
 * @param deliveryUrl where the consumer wants the records POSTed; with no URL and no target, a file outbox
 * @param deliveryTarget an exchange target of the consumer's whose endpoint the grant's records go to
 * @param stage the stage a submitted request waits in; null once decided
 * @param dataAuthority the department that checks compliance; null when the region has no such stage
 * @param providerDays the working days the provider's stage may take
 * @param dueDate the last day of the running stage
 * @param calendarIncomplete whether the due date was counted across a year the calendar lacks (weekends only)
 * @param decisionDays working days from submission to decision; null when granted at once
 */
record AccessRequest(long id, String resourceCode, String providerCode, String consumerCode, String regionCode,
		String purpose, List<String> fields, LocalDate validUntil, String deliveryUrl, String deliveryTarget,
		RequestStatus status, Stage stage, String dataAuthority, int providerDays, LocalDate dueDate,
		boolean calendarIncomplete, String decisionReason, String submittedBy, Instant submittedAt, String decidedBy,
		Instant decidedAt, Integer decisionDays) {

	AccessRequest {
		fields = List.copyOf(fields);
	}

	/** The department whose approvers act on the request now. */
	String reviewer() {
		return this.stage == Stage.COMPLIANCE ? this.dataAuthority : this.providerCode;
	}

	/** Every department the request concerns, told of each change to it. */
	List<String> parties() {
		return this.dataAuthority == null ? List.of(this.consumerCode, this.providerCode)
				: List.of(this.consumerCode, this.providerCode, this.dataAuthority);
	}

	/** The request moved on to a stage, due on {@code due}. */
	AccessRequest inStage(Stage next, LocalDate due, boolean incomplete) {
		return new AccessRequest(this.id, this.resourceCode, this.providerCode, this.consumerCode, this.regionCode,
				this.purpose, this.fields, this.validUntil, this.deliveryUrl, this.deliveryTarget, this.status, next,
				this.dataAuthority, this.providerDays, due, incomplete, this.decisionReason, this.submittedBy,
				this.submittedAt, this.decidedBy, this.decidedAt, this.decisionDays);
	}

	/** The request decided: out of review, with who decided, when, why, and after how many working days. */
	AccessRequest decided(RequestStatus outcome, String reason, String by, Instant at, Integer days) {
		return new AccessRequest(this.id, this.resourceCode, this.providerCode, this.consumerCode, this.regionCode,
				this.purpose, this.fields, this.validUntil, this.deliveryUrl, this.deliveryTarget, outcome, null,
				this.dataAuthority, this.providerDays, this.dueDate, this.calendarIncomplete, reason, this.submittedBy,
				this.submittedAt, by, at, days);
	}

	/** An approved request whose grant ended: the decision stays as it was made. */
	AccessRequest ended(RequestStatus end) {
		return decided(end, this.decisionReason, this.decidedBy, this.decidedAt, this.decisionDays);
	}

	boolean overdueOn(LocalDate today) {
		return this.status == RequestStatus.SUBMITTED && this.dueDate != null && today.isAfter(this.dueDate);
	}

}
