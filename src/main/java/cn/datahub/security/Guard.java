package cn.datahub.security;

import java.util.function.Predicate;

import cn.datahub.audit.AuditTrail;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.system.HubProperties;

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

	private final Departments departments;

	private final HubProperties hub;

	private final AuditTrail audit;

	Guard(ReferenceData reference, Departments departments, HubProperties hub, AuditTrail audit) {
		this.reference = reference;
		this.departments = departments;
		this.hub = hub;
		this.audit = audit;
	}

	public Caller caller() {
		return Caller.current();
	}

	/** Maintains the department's catalogue: its registrar, or an admin loading any department's. */
	public Caller registrarOf(String departmentCode) {
		return require(c -> c.actsFor(Role.REGISTRAR, departmentCode) || c.has(Role.ADMIN), department(departmentCode),
				"maintain the catalogue of department " + departmentCode);
	}

	/**
	 * Reads what a department has not published (drafts, retired resources, their history): its own people, admins,
	 * and auditors of its region.
	 */
	public Caller readerOf(String departmentCode) {
		return require(c -> c.has(Role.ADMIN) || departmentCode != null && departmentCode.equals(c.departmentCode())
				|| c.has(Role.AUDITOR) && covers(c, regionOf(departmentCode)), department(departmentCode),
				"read the unpublished catalogue of department " + departmentCode);
	}

	/** Admins and auditors read the whole catalogue, drafts included; everyone else the published one and their own. */
	public boolean seesWholeCatalogue() {
		Caller caller = caller();
		return caller.has(Role.ADMIN) || caller.has(Role.AUDITOR);
	}

	/** Registers departments, rebuilds the index: set-up work of the hub's administrators. */
	public Caller administrator(String action) {
		return require(c -> c.has(Role.ADMIN), "administration", action);
	}

	/** Pushes a department's own records into the hub: its registrar (its systems' account), or an operator. */
	public Caller supplierOf(String departmentCode) {
		return require(c -> c.has(Role.OPERATOR) || c.has(Role.ADMIN) || c.actsFor(Role.REGISTRAR, departmentCode),
				department(departmentCode),				"push records of department " + departmentCode);
	}

	/** Maintains exchange attachments and targets. */
	public Caller operator() {
		return require(c -> c.has(Role.OPERATOR) || c.has(Role.ADMIN), "exchange", "maintain the exchange");
	}

	/** Decides the department's access requests: only its own approvers, never an admin. */
	public Caller approverOf(String departmentCode) {
		return require(c -> c.actsFor(Role.APPROVER, departmentCode), department(departmentCode),
				"decide access requests for department " + departmentCode);
	}

	/** Requests and receives data for the department: only its own consumers, never an admin. */
	public Caller consumerFor(String departmentCode) {
		return require(c -> c.actsFor(Role.CONSUMER, departmentCode), department(departmentCode),
				"request data for department " + departmentCode);
	}

	/** Reads the audit trail and the overdue list of the region: an auditor of it or of a region above it. */
	public Caller auditorOf(String regionCode) {
		return require(c -> c.has(Role.AUDITOR) && covers(c, regionCode), "region:" + regionCode,
				"audit region " + regionCode);
	}

	/**
	 * Reads reports of a region (null: the hub's whole region) or of one department: admins, auditors of the region
	 * or above it, and the department's own people for its own figures.
	 */
	public Caller reportReaderOf(String regionCode, String departmentCode) {
		String region = regionCode != null ? regionCode
				: departmentCode != null ? regionOf(departmentCode) : this.hub.regionCode();
		return require(c -> c.has(Role.ADMIN) || c.has(Role.AUDITOR) && covers(c, region)
				|| regionCode == null && departmentCode != null && departmentCode.equals(c.departmentCode()),
				departmentCode != null ? department(departmentCode) : "region:" + region,
				"read the reports of " + (departmentCode != null ? "department " + departmentCode : "region " + region));
	}

	public Caller admin() {
		return administrator("manage accounts");
	}

	private String regionOf(String departmentCode) {
		return departmentCode == null ? null
				: this.departments.find(departmentCode).map(Department::regionCode).orElse(null);
	}

	private boolean covers(Caller caller, String regionCode) {
		return caller.regionCode() != null && regionCode != null
				&& this.reference.regionPath(regionCode).contains(caller.regionCode());
	}

	/** Refuses unless allowed; the refusal is recorded as {@code access.refused} of {@code subject}, and stays. */
	private Caller require(Predicate<Caller> allowed, String subject, String action) {
		Caller caller = caller();
		if (!allowed.test(caller)) {
			Forbidden refused = new Forbidden(caller.username() + " may not " + action);
			this.audit.refused("access.refused", subject, refused.getMessage());
			throw refused;
		}
		return caller;
	}

	private static String department(String departmentCode) {
		return "department:" + departmentCode;
	}

}
