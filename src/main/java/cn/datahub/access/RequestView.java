package cn.datahub.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request as the API answers it: the contract's fields, where it stands in review, and its grant once approved.
 *
 * @param dueDate the last day of the stage the request waits in
 * @param overdue still under review after its due date
 * @param daysLeft while under review, the working days after today up to the due date: 0 when due today,
 * negative when overdue
 * @param calendarIncomplete the due date was counted across a year {@code config/calendar.yaml} lacks (weekends
 * only)
 * @param decisionDays working days from submission to decision
 */
record RequestView(long id, String resourceCode, String providerCode, String consumerCode, String regionCode,
		String purpose, List<String> fields, LocalDate validUntil, String deliveryUrl, String deliveryTarget,
		RequestStatus status, Stage stage, String reviewerCode, String decisionReason, String submittedBy,
		Instant submittedAt, String decidedBy, Instant decidedAt, Integer decisionDays, LocalDate dueDate,
		boolean overdue, Integer daysLeft, boolean calendarIncomplete, Grant grant) {

	static RequestView of(AccessRequest r, Grant grant, LocalDate today, WorkingDays days) {
		boolean open = r.status() == RequestStatus.SUBMITTED;
		return new RequestView(r.id(), r.resourceCode(), r.providerCode(), r.consumerCode(), r.regionCode(), r.purpose(),
				r.fields(), r.validUntil(), r.deliveryUrl(), r.deliveryTarget(), r.status(), r.stage(),
				open ? r.reviewer() : null, r.decisionReason(), r.submittedBy(), r.submittedAt(), r.decidedBy(),
				r.decidedAt(), r.decisionDays(), r.dueDate(), r.overdueOn(today),
				open ? days.between(today, r.dueDate()) : null, r.calendarIncomplete(), grant);
	}

}
