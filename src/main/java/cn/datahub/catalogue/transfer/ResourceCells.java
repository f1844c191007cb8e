package cn.datahub.catalogue.transfer;

import java.util.Arrays;
import java.util.List;

import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.reference.Domain;
import cn.datahub.catalogue.reference.ReferenceData;

import org.springframework.stereotype.Component;

/**
 * A stored resource as a template row, in column order, with the Chinese labels compilers write; importing the row
 * gives back the same resource.
 */
@Component
class ResourceCells {

	/** How the template writes the domain {@link ReferenceData#NO_DOMAIN}. */
	static final String NO_DOMAIN_LABEL = "无";

	private final ReferenceData reference;

	ResourceCells(ReferenceData reference) {
		this.reference = reference;
	}

	List<String> of(Resource r) {
		return Arrays.asList(r.code(), r.name(), r.providerCode(), r.category().label(), domain(r.domain()),
				r.shareType().label(), r.shareCondition(), r.notSharedBasis(), r.openType().label(), r.updateCycle().label(),
				r.format(), r.summary(), ItemCell.format(r.items()), r.status().label());
	}

	private String domain(String code) {
		if (ReferenceData.NO_DOMAIN.equals(code)) {
			return NO_DOMAIN_LABEL;
		}
		return this.reference.domain(code).map(Domain::name).orElse(code);
	}

}
