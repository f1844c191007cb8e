package cn.datahub.audit;

import java.time.ZoneId;

/**
 * The filters {@code /api/audit} and its export take, as the query string gives them.
 */
record AuditParameters(String actor, String action, String subject, String outcome, String department, String from,
		String to) {

	AuditFilter filter(ZoneId zone) {
		return AuditFilter.parse(this.actor, this.action, this.subject, this.outcome, this.department, this.from, this.to,
				zone);
	}

}
