package cn.datahub.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.datahub.audit.AuditTrail;
import cn.datahub.catalogue.CatalogueConflict;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.InvalidInput;
import cn.datahub.catalogue.NotFound;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.Resources;
import cn.datahub.catalogue.Violation;
import cn.datahub.exchange.GrantDelivery;
import cn.datahub.exchange.GrantTargets;
import cn.datahub.security.Caller;
import cn.datahub.security.Guard;

import org.apache.shiro.subject.Subject;
import org.apache.shiro.util.ThreadContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A grant from approval to its end, and the exchange target that delivers it meanwhile: opened with the grant,
 * removed when it is revoked or expires, so that nothing more flows to the consumer.
 */
@Component
class GrantLifecycle {

	private final Grants grants;

	private final AccessRequests requests;

	private final GrantTargets targets;

	private final Notifications notifications;

	private final Departments departments;

	private final Resources resources;

	private final Guard guard;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	GrantLifecycle(Grants grants, AccessRequests requests, GrantTargets targets, Notifications notifications,
			Departments departments, Resources resources, Guard guard, AuditTrail audit, Clock clock,
			TransactionTemplate transaction) {
		this.grants = grants;
		this.requests = requests;
		this.targets = targets;
		this.notifications = notifications;
		this.departments = departments;
		this.resources = resources;
		this.guard = guard;
		this.audit = audit;
		this.clock = clock;
		this.transaction = transaction;
	}

	/** Grants an approved request its items from today through {@code until}; {@link #deliver} starts them flowing. */
	Grant open(AccessRequest request, List<String> fields, LocalDate until, boolean masked) {
		Grant grant = this.grants.insert(request, fields, LocalDate.now(this.clock), until, masked);
		this.audit.changed("grant.create", subject(grant.id()), null, grant);
		return grant;
	}

	/**
	 * Starts delivering a grant through a target of its own. Called last in the approval's transaction: the target's
	 * route, if it has one, starts at once and is not rolled back with the rows.
	 */
	void deliver(Grant grant, AccessRequest request) {
		String consumer = this.departments.find(request.consumerCode()).map(Department::name).orElse(request.consumerCode());
		String resource = this.resources.find(request.resourceCode()).map(Resource::name).orElse(request.resourceCode());
		this.targets.open(new GrantDelivery(grant.targetName(), "共享授权" + grant.id() + "：" + consumer + "接收" + resource,
				request.resourceCode(), grant.fields(), grant.masked(), request.deliveryUrl(), request.deliveryTarget()));
	}

	void revoke(long id, String reason) {
		Grant grant = this.grants.find(id).orElseThrow(() -> new NotFound("grant", String.valueOf(id)));
		Caller caller = this.guard.approverOf(grant.providerCode());
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput("Invalid revocation", List.of(new Violation("reason",
					"reason is required to revoke a grant", "撤销授权须填写理由")));
		}
		if (grant.status() != GrantStatus.ACTIVE || grant.validUntil().isBefore(LocalDate.now(this.clock))) {
			throw new CatalogueConflict("status", "grant " + id + " has ended already", "授权" + grant.id() + "已终止");
		}
		end(grant, GrantStatus.REVOKED, reason.strip(), caller.username());
	}

	/**
	 * Ends, each in a transaction of its own, the active grants whose last day is before {@code today}. An expiry is
	 * the hub's doing, whoever's read found it due: it runs, and is audited, as {@code system}.
	 */
	int expireDue(LocalDate today) {
		List<Grant> due = this.grants.pastTheirLastDay(today);
		if (due.isEmpty()) {
			return 0;
		}
		Subject reader = ThreadContext.unbindSubject();
		try {
			int expired = 0;
			for (Grant grant : due) {
				Boolean ended = this.transaction.execute(tx -> end(grant, GrantStatus.EXPIRED, null, Caller.SYSTEM.username()));
				expired += Boolean.TRUE.equals(ended) ? 1 : 0;
			}
			return expired;
		}
		finally {
			if (reader != null) {
				ThreadContext.bind(reader);
			}
		}
	}

	private static String subject(long grantId) {
		return "grant:" + grantId;
	}

	private boolean end(Grant grant, GrantStatus status, String reason, String by) {
		if (!this.grants.end(grant.id(), status, reason, by, this.clock.instant())) {
			if (status == GrantStatus.REVOKED) {
				throw new CatalogueConflict("status", "grant " + grant.id() + " has ended already", "授权" + grant.id() + "已终止");
			}
			return false;
		}
		AccessRequest request = this.requests.find(grant.requestId()).orElseThrow();
		AccessRequest ended = request.ended(status == GrantStatus.REVOKED ? RequestStatus.REVOKED : RequestStatus.EXPIRED);
		this.requests.update(ended, request);
		Grant after = this.grants.find(grant.id()).orElseThrow();
		String verb = status == GrantStatus.REVOKED ? "revoke" : "expire";
		this.audit.changed("grant." + verb, subject(grant.id()), grant, after);
		this.audit.changed("access-request." + verb, AccessWorkflow.subject(request.id()), request, ended);
		this.notifications.tell(status == GrantStatus.REVOKED ? RequestEvent.REVOKED : RequestEvent.EXPIRED, ended,
				after, reason);
		// Last, as the route it stops is not rolled back with the rows.
		this.targets.close(grant.targetName());
		return true;
	}

}
