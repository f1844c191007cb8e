package cn.datahub.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.datahub.catalogue.NotFound;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.security.Caller;
import cn.datahub.security.Forbidden;
import cn.datahub.security.Guard;
import cn.datahub.security.Role;

import org.springframework.stereotype.Component;

/**
 * What each party sees: a consumer its department's requests and grants, an approver what awaits its department
 * with the days left, an auditor the overdue requests of its region. Grants past their last day are ended before
 * anything is read, so no answer shows one active.
 */
@Component
class AccessQueues {

	private final AccessRequests requests;

	private final Grants grants;

	private final AccessWorkflow workflow;

	private final WorkingDays workingDays;

	private final ReferenceData reference;

	private final Guard guard;

	private final Clock clock;

	AccessQueues(AccessRequests requests, Grants grants, AccessWorkflow workflow, WorkingDays workingDays,
			ReferenceData reference, Guard guard, Clock clock) {
		this.requests = requests;
		this.grants = grants;
		this.workflow = workflow;
		this.workingDays = workingDays;
		this.reference = reference;
		this.guard = guard;
		this.clock = clock;
	}

	/** One request, for its consumer, its reviewers and the auditors of its region. */
	RequestView one(long id) {
		this.workflow.expireDue();
		AccessRequest request = this.requests.find(id).orElseThrow(() -> new NotFound("access request", String.valueOf(id)));
		Caller caller = this.guard.caller();
		boolean party = caller.actsFor(Role.CONSUMER, request.consumerCode())
				|| caller.actsFor(Role.APPROVER, request.providerCode())
				|| caller.actsFor(Role.APPROVER, request.dataAuthority());
		if (!party) {
			this.guard.auditorOf(request.regionCode());
		}
		return view(request);
	}

	/** The caller's department's requests, newest first. */
	List<RequestView> mine() {
		Caller caller = this.guard.consumerFor(this.guard.caller().departmentCode());
		this.workflow.expireDue();
		return this.requests.ofConsumer(caller.departmentCode()).stream().map(this::view).toList();
	}

	/** The requests awaiting the caller's department's decision, the nearest deadline first. */
	List<RequestView> awaiting() {
		Caller caller = this.guard.approverOf(this.guard.caller().departmentCode());
		return this.requests.awaiting(caller.departmentCode()).stream().map(this::view).toList();
	}

	/** The region's requests (providers in it or below it) still under review past their due date. */
	Overdue overdue(String regionCode) {
		String region = regionCode != null ? regionCode : this.guard.caller().regionCode();
		this.guard.auditorOf(region);
		List<RequestView> items = this.requests.overdue(this.reference.subtree(region), today()).stream()
			.map(this::view).toList();
		return new Overdue(region, items.size(), items);
	}

	/** The grants the caller's department receives (as consumer) or gives (as approver), newest first. */
	List<Grant> grants() {
		Caller caller = this.guard.caller();
		String department = caller.departmentCode();
		boolean consumer = caller.actsFor(Role.CONSUMER, department);
		boolean approver = caller.actsFor(Role.APPROVER, department);
		if (!consumer && !approver) {
			throw new Forbidden(caller.username() + " may not read the grants of department " + department);
		}
		this.workflow.expireDue();
		return this.grants.ofDepartment(consumer ? department : null, approver ? department : null);
	}

	Grant grant(long id) {
		return this.grants.find(id).orElseThrow(() -> new NotFound("grant", String.valueOf(id)));
	}

	private RequestView view(AccessRequest request) {
		return RequestView.of(request, this.grants.ofRequest(request.id()).orElse(null), today(), this.workingDays);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The overdue list of a region, and how many it holds. */
	record Overdue(String regionCode, int count, List<RequestView> items) {
	}

}
