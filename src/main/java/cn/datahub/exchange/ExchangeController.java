package cn.datahub.exchange;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import cn.datahub.catalogue.NotFound;
import cn.datahub.system.BadParameter;
import cn.datahub.system.Page;
import cn.datahub.system.Paging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange as operators watch and mend it: the run log and the dead letters.
 */
@RestController
@RequestMapping("/api/exchange")
class ExchangeController {

	private static final Set<String> RUN_STATUSES = Set.of("RUNNING", "SUCCEEDED", "FAILED");

	private static final Set<String> LETTER_STATUSES = Set.of("OPEN", "REPLAYED", "DISCARDED");

	private final ExchangeRuns runs;

	private final DeadLetters deadLetters;

	private final DeadLetterReplay replay;

	ExchangeController(ExchangeRuns runs, DeadLetters deadLetters, DeadLetterReplay replay) {
		this.runs = runs;
		this.deadLetters = deadLetters;
		this.replay = replay;
	}

	@GetMapping("/runs")
	Page<ExchangeRun> runs(@RequestParam(required = false) String resourceCode,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Paging.check(page, size);
		return this.runs.list(resourceCode, status(status, RUN_STATUSES), page, size);
	}

	@GetMapping("/dead-letters")
	Page<DeadLetter> deadLetters(@RequestParam(required = false) String resourceCode,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Paging.check(page, size);
		return this.deadLetters.list(resourceCode, status(status, LETTER_STATUSES), page, size);
	}

	@GetMapping("/dead-letters/{id}")
	DeadLetter deadLetter(@PathVariable long id) {
		return this.deadLetters.find(id).orElseThrow(() -> new NotFound("dead letter", String.valueOf(id)));
	}

	/** Replays a dead letter; the body, if any, gives the fixed values ({@code {"values": {...}}}). */
	@PostMapping("/dead-letters/{id}/replay")
	DeadLetter replay(@PathVariable long id, @RequestBody(required = false) Fix fix) throws IOException {
		return this.replay.replay(id, fix == null ? null : fix.values());
	}

	@PostMapping("/dead-letters/{id}/discard")
	DeadLetter discard(@PathVariable long id) {
		return this.replay.discard(id);
	}

	private static String status(String value, Set<String> allowed) {
		if (value != null && !allowed.contains(value)) {
			throw new BadParameter("status", "Unknown status '" + value + "'; allowed: " + String.join(", ", allowed));
		}
		return value;
	}

	/** The corrected values of a dead letter, by item name or title. */
	record Fix(Map<String, Object> values) {
	}

}
