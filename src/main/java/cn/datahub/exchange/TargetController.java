package cn.datahub.exchange;

import java.util.List;

import cn.datahub.catalogue.NotFound;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange's targets as operators list, add and delete them; the platforms of {@code config/platforms.yaml}
 * are listed but changed only in that file.
 */
@RestController
@RequestMapping("/api/exchange/targets")
class TargetController {

	private final ExchangeTargets targets;

	TargetController(ExchangeTargets targets) {
		this.targets = targets;
	}

	@GetMapping
	List<TargetDefinition> list() {
		return this.targets.all().toList();
	}

	@GetMapping("/{name}")
	TargetDefinition target(@PathVariable String name) {
		return this.targets.all().filter(t -> t.name().equals(name)).findFirst()
			.orElseThrow(() -> new NotFound("target", name));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	TargetDefinition add(@RequestBody TargetDefinition target) {
		return this.targets.add(target);
	}

	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable String name) throws Exception {
		this.targets.remove(name);
	}

}
