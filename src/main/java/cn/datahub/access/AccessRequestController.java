package cn.datahub.access;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conditional-access requests (共享申请): consumers submit and follow theirs, approvers decide what awaits them,
 * auditors list what is overdue.
 */
@RestController
@RequestMapping("/api/access-requests")
class AccessRequestController {

	private final AccessWorkflow workflow;

	private final AccessQueues queues;

	AccessRequestController(AccessWorkflow workflow, AccessQueues queues) {
		this.workflow = workflow;
		this.queues = queues;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	RequestView submit(@RequestBody AccessRequestForm form) {
		return this.queues.one(this.workflow.submit(form));
	}

	/** The caller's department's requests, as consumer. */
	@GetMapping
	List<RequestView> mine() {
		return this.queues.mine();
	}

	@GetMapping("/awaiting")
	List<RequestView> awaiting() {
		return this.queues.awaiting();
	}

	@GetMapping("/overdue")
	AccessQueues.Overdue overdue(@RequestParam(required = false) String regionCode) {
		return this.queues.overdue(regionCode);
	}

	@GetMapping("/{id}")
	RequestView one(@PathVariable long id) {
		return this.queues.one(id);
	}

	@PostMapping("/{id}/approve")
	RequestView approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
		this.workflow.approve(id, decision == null ? Decision.NONE : decision);
		return this.queues.one(id);
	}

	@PostMapping("/{id}/reject")
	RequestView reject(@PathVariable long id, @RequestBody(required = false) Decision decision) {
		this.workflow.reject(id, decision == null ? Decision.NONE : decision);
		return this.queues.one(id);
	}

}
