package cn.datahub.access;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grants: a consumer's department sees what it receives, a provider's approvers what they gave and may revoke.
 */
@RestController
@RequestMapping("/api/grants")
class GrantController {

	private final AccessWorkflow workflow;

	private final AccessQueues queues;

	GrantController(AccessWorkflow workflow, AccessQueues queues) {
		this.workflow = workflow;
		this.queues = queues;
	}

	@GetMapping
	List<Grant> grants() {
		return this.queues.grants();
	}

	@PostMapping("/{id}/revoke")
	RequestView revoke(@PathVariable long id, @RequestBody(required = false) Revocation revocation) {
		this.workflow.revoke(id, revocation == null ? null : revocation.reason());
		return this.queues.one(this.queues.grant(id).requestId());
	}

	/** Why the provider withdraws a grant; told to the consumer. */
	record Revocation(String reason) {
	}

}
