package cn.datahub.security;

import java.util.function.Predicate;

import cn.datahub.audit.AuditTrail;
import cn.datahub.catalogue.reference.ReferenceData;

import org.springframework.stereotype.Component;

/**
 * The security package's entry point for the rest of the hub: each check names the role and the scope an action
 * needs and refuses with {@link Forbidden} otherwise. Scope is the department a role is bound to, or for auditors
 * their region and everything below it. Every refusal is recorded in the audit trail ({@code access.refused}, the
 * department, region or function asked for as its subject) before it is thrown, and stays recorded.
 */
@Component
public class Guard {

	private final ReferenceData reference;

	private final AuditTrail audit;

	Guard(ReferenceData reference, AuditTrail audit) {
		this.reference = reference;
		this.audit = audit;
	}

	public Caller caller() {
		return Caller.current();
	}

	/** Maintains the department's catalogue: its registrar, or an admin loading any department's. */
	public Caller registrarOf(String departmentCode) {
		return require(c -> c.actsFor(Role.REGISTRAR, departmentCode) || c.has(Role.ADMIN), "department:" + departmentCode,
				"maintain the catalogue of department " + departmentCode);
	}

	/** Maintains exchange attachments and targets. */
	public Caller operator() {
		return require(c -> c.has(Role.OPERATOR) || c.has(Role.ADMIN), "exchange", "maintain the exchange");
	}

	/** Decides the department's access requests: only its own approvers, never an admin. */
	public Caller approverOf(String departmentCode) {
		return require(c -> c.actsFor(Role.APPROVER, departmentCode), "department:" + departmentCode,
				"decide access requests for department " + departmentCode);
	}

	/** Requests and receives data for the department: only its own consumers, never an admin. */
	public Caller consumerFor(String departmentCode) {
		return require(c -> c.actsFor(Role.CONSUMER, departmentCode), "department:" + departmentCode,
				"request data for department " + departmentCode);
	}

	/** Reads the audit trail and the overdue list of the region: an auditor of it or of a region above it. */
	public Caller auditorOf(String regionCode) {
		return require(c -> c.has(Role.AUDITOR) && covers(c, regionCode), "region:" + regionCode,
				"audit region " + regionCode);
	}

	/** Reads the region's reports: its auditors, and admins. */
	public Caller reportReaderOf(String regionCode) {
		return require(c -> c.has(Role.ADMIN) || c.has(Role.AUDITOR) && covers(c, regionCode), "region:" + regionCode,
				"read the reports of region " + regionCode);
	}

	public Caller admin() {
		return require(c -> c.has(Role.ADMIN), "accounts", "manage accounts");
	}

	private boolean covers(Caller caller, String regionCode) {
		return caller.regionCode() != null && regionCode != null
				&& this.reference.regionPath(regionCode).contains(caller.regionCode());
	}

	private Caller require(Predicate<Caller> allowed, String subject, String action) {
		Caller caller = caller();
		if (!allowed.test(caller)) {
			Forbidden refused = new Forbidden(caller.username() + " may not " + action);
			this.audit.refused("access.refused", subject, refused.getMessage());
			throw refused;
		}
		return caller;
	}

}
