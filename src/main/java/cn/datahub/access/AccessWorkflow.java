package cn.datahub.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.datahub.audit.AuditTrail;
import cn.datahub.catalogue.CatalogueConflict;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.InvalidInput;
import cn.datahub.catalogue.NotFound;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ShareType;
import cn.datahub.catalogue.Violation;
import cn.datahub.security.Caller;
import cn.datahub.security.Guard;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access package's entry point: the request state machine. A request is submitted by a consumer, checked by the
 * data authority where the region has that stage, decided by the provider's approvers; an approval grants, and a
 * grant ends by revocation or after its last day. Each step is one transaction with its notices and its entries in
 * the audit trail, checked whole before anything is written.
 */
@Service
public class AccessWorkflow {

	private final AccessRequests requests;

	private final Departments departments;

	private final RequestRules rules;

	private final AccessSettings settings;

	private final WorkingDays workingDays;

	private final GrantLifecycle grants;

	private final Notifications notifications;

	private final Guard guard;

	private final AuditTrail audit;

	private final Clock clock;

	AccessWorkflow(AccessRequests requests, Departments departments, RequestRules rules, AccessSettings settings,
			WorkingDays workingDays, GrantLifecycle grants, Notifications notifications, Guard guard, AuditTrail audit,
			Clock clock) {
		this.requests = requests;
		this.departments = departments;
		this.rules = rules;
		this.settings = settings;
		this.workingDays = workingDays;
		this.grants = grants;
		this.notifications = notifications;
		this.guard = guard;
		this.audit = audit;
		this.clock = clock;
	}

	/** A consumer's request: granted at once for an unconditional resource, otherwise into its first stage. */
	@Transactional
	public long submit(AccessRequestForm form) {
		Caller caller = form.consumerCode() == null ? this.guard.caller() : this.guard.consumerFor(form.consumerCode());
		LocalDate today = today();
		Resource resource = this.rules.check(form, today);
		long id;
		try {
			id = this.requests.insert(newRequest(form, resource, caller, today));
		}
		catch (DuplicateKeyException ex) {
			throw new CatalogueConflict("resourceCode", form.consumerCode() + " has a request for " + resource.code()
					+ " under review already", "该部门对资源" + resource.code() + "已有审核中的申请");
		}
		AccessRequest stored = this.requests.find(id).orElseThrow();
		this.audit.changed("access-request.submit", subject(id), null, stored);
		if (stored.status() == RequestStatus.APPROVED) {
			Grant grant = this.grants.open(stored, stored.fields(), stored.validUntil(), true);
			this.notifications.tell(RequestEvent.GRANTED, stored, grant, null);
			this.grants.deliver(grant, stored);
		}
		else {
			this.notifications.tell(RequestEvent.SUBMITTED, stored, null, null);
		}
		return id;
	}

	/**
	 * Approves the stage the request waits in: the data authority passes it on to the provider; the provider's
	 * approver grants it, possibly narrowed.
	 */
	@Transactional
	public void approve(long id, Decision decision) {
		AccessRequest request = this.requests.find(id).orElseThrow(() -> notFound(id));
		Caller caller = this.guard.approverOf(request.reviewer());
		requireUnderReview(request);
		LocalDate today = today();
		if (request.stage() == Stage.COMPLIANCE) {
			if (decision.changesTheGrant()) {
				throw new InvalidInput("Invalid approval", List.of(new Violation("fields", "the compliance check passes "
						+ "or rejects a request as it stands; the provider narrows it", "合规审查不修改申请内容，由提供部门审批时调整")));
			}
			LocalDate due = this.workingDays.add(today, request.providerDays());
			AccessRequest passed = request.inStage(Stage.PROVIDER, due, !this.workingDays.complete(today, due));
			move(passed, request);
			this.audit.changed("access-request.pass-compliance", subject(id), request, passed);
			this.notifications.tell(RequestEvent.PASSED_COMPLIANCE, passed, null, decision.decisionReason());
			return;
		}
		this.rules.checkApproval(decision, request, today);
		AccessRequest approved = decide(request, RequestStatus.APPROVED, decision.decisionReason(), caller, today);
		this.audit.changed("access-request.approve", subject(id), request, approved);
		Grant grant = this.grants.open(approved, decision.fields() == null ? request.fields() : decision.fields(),
				decision.validUntil() == null ? request.validUntil() : decision.validUntil(),
				decision.masked() == null || decision.masked());
		this.notifications.tell(RequestEvent.APPROVED, approved, grant, decision.decisionReason());
		this.grants.deliver(grant, approved);
	}

	/** Rejects the request at the stage it waits in; the reason is required and told to the consumer. */
	@Transactional
	public void reject(long id, Decision decision) {
		AccessRequest request = this.requests.find(id).orElseThrow(() -> notFound(id));
		Caller caller = this.guard.approverOf(request.reviewer());
		requireUnderReview(request);
		if (decision.decisionReason() == null || decision.decisionReason().isBlank()) {
			throw new InvalidInput("Invalid rejection", List.of(new Violation("decisionReason",
					"decisionReason is required to reject a request", "驳回申请须填写理由")));
		}
		AccessRequest rejected = decide(request, RequestStatus.REJECTED, decision.decisionReason().strip(), caller, today());
		this.audit.changed("access-request.reject", subject(id), request, rejected);
		this.notifications.tell(RequestEvent.REJECTED, rejected, null, rejected.decisionReason());
	}

	/** Withdraws an active grant: only the provider's approvers, with a reason told to the consumer. */
	@Transactional
	public void revoke(long grantId, String reason) {
		this.grants.revoke(grantId, reason);
	}

	/** Ends the grants past their last day; called by the expiry route and before grants are read. */
	public int expireDue() {
		return this.grants.expireDue(today());
	}

	/**
	 * The request as it is stored: an unconditional resource's approved by rule, a conditional one's in the first
	 * stage its provider's region has, due that stage's working days from today.
	 */
	private AccessRequest newRequest(AccessRequestForm form, Resource resource, Caller caller, LocalDate today) {
		String region = this.departments.find(resource.providerCode()).orElseThrow().regionCode();
		ReviewPlan plan = this.settings.plan(region);
		boolean unconditional = resource.shareType() == ShareType.UNCONDITIONAL;
		Stage stage = unconditional ? null : plan.hasComplianceStage() ? Stage.COMPLIANCE : Stage.PROVIDER;
		LocalDate due = stage == null ? null
				: this.workingDays.add(today, stage == Stage.COMPLIANCE ? plan.complianceDays() : plan.providerDays());
		Instant now = this.clock.instant();
		return new AccessRequest(0, resource.code(), resource.providerCode(), form.consumerCode(), region,
				form.purpose().strip(), form.fields(), form.validUntil(), form.deliveryUrl(), form.deliveryTarget(),
				unconditional ? RequestStatus.APPROVED : RequestStatus.SUBMITTED, stage,
				unconditional ? null : plan.dataAuthority(), plan.providerDays(), due,
				due != null && !this.workingDays.complete(today, due), null, caller.username(), now,
				unconditional ? Caller.SYSTEM.username() : null, unconditional ? now : null, null);
	}

	private AccessRequest decide(AccessRequest request, RequestStatus outcome, String reason, Caller caller,
			LocalDate today) {
		LocalDate submitted = LocalDate.ofInstant(request.submittedAt(), this.clock.getZone());
		AccessRequest decided = request.decided(outcome, reason, caller.username(), this.clock.instant(),
				this.workingDays.between(submitted, today));
		move(decided, request);
		return decided;
	}

	private void move(AccessRequest next, AccessRequest before) {
		if (!this.requests.update(next, before)) {
			throw new CatalogueConflict("status", "access request " + before.id() + " was decided meanwhile",
					"共享申请" + before.id() + "已被他人处理");
		}
	}

	private static void requireUnderReview(AccessRequest request) {
		if (request.status() != RequestStatus.SUBMITTED) {
			throw new CatalogueConflict("status", "access request " + request.id() + " is " + request.status()
					+ ", no longer under review", "共享申请" + request.id() + "已办结，不能再审批");
		}
	}

	static String subject(long id) {
		return "access-request:" + id;
	}

	private static NotFound notFound(long id) {
		return new NotFound("access request", String.valueOf(id));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
