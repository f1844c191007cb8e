package cn.datahub.access;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One row of the request report: a provider department or a region.
 *
 * @param requests every request made of it
 * @param decided requests approved or rejected (a grant revoked or expired later was approved)
 * @param approved requests approved
 * @param satisfaction approved / decided, the exact fraction; null with nothing decided
 * @param overdue requests still under review after their due date
 * @param medianDecisionDays the median working days from submission to decision of the requests that were
 * reviewed (not those of unconditional resources, granted at once); null when none was
 */
record RequestReportRow(String key, String name, int requests, int decided, int approved,
		@JsonInclude(Include.ALWAYS) BigDecimal satisfaction, int overdue,
		@JsonInclude(Include.ALWAYS) BigDecimal medianDecisionDays) {

	static RequestReportRow of(String key, String name, List<AccessRequest> requests, LocalDate today) {
		int decided = (int) requests.stream().filter(r -> r.status() != RequestStatus.SUBMITTED).count();
		int approved = (int) requests.stream()
			.filter(r -> r.status() != RequestStatus.SUBMITTED && r.status() != RequestStatus.REJECTED).count();
		int overdue = (int) requests.stream().filter(r -> r.overdueOn(today)).count();
		List<Integer> days = requests.stream().map(AccessRequest::decisionDays).filter(d -> d != null).sorted().toList();
		return new RequestReportRow(key, name, requests.size(), decided, approved,
				decided == 0 ? null : BigDecimal.valueOf(approved).divide(BigDecimal.valueOf(decided), MathContext.DECIMAL64),
				overdue, median(days));
	}

	private static BigDecimal median(List<Integer> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? BigDecimal.valueOf(sorted.get(middle))
				: BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle)).divide(BigDecimal.valueOf(2));
	}

}
