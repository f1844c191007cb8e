package cn.datahub.catalogue.reference;

import java.util.Collection;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference data as clients need it for pick lists: regions and the 22 domains, with Chinese and English names.
 */
@RestController
class ReferenceController {

	private final ReferenceData reference;

	ReferenceController(ReferenceData reference) {
		this.reference = reference;
	}

	/** All regions, or those directly below {@code parent}. */
	@GetMapping("/api/regions")
	List<Region> regions(@RequestParam(required = false) String parent) {
		return this.reference.regions().stream().filter(r -> parent == null || parent.equals(r.parent())).toList();
	}

	@GetMapping("/api/domains")
	Collection<Domain> domains() {
		return this.reference.domains();
	}

}
