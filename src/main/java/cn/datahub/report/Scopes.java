package cn.datahub.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.reference.RegionLevel;
import cn.datahub.system.BadParameter;

import org.springframework.stereotype.Component;

/**
 * Reads a report's scope from its request parameters, refusing what does not exist, naming the parameter.
 */
@Component
public class Scopes {

	private final ReferenceData reference;

	private final Departments departments;

	private final Clock clock;

	Scopes(ReferenceData reference, Departments departments, Clock clock) {
		this.reference = reference;
		this.departments = departments;
		this.clock = clock;
	}

	Scope of(ScopeParameters p) {
		return of(p.regionCode(), p.level(), p.domain(), p.providerCode(), p.asOf(),
				p.includeSubregions() == null || p.includeSubregions());
	}

	public Scope of(String regionCode, String level, String domain, String providerCode, LocalDate asOf,
			boolean includeSubregions) {
		if (regionCode != null && this.reference.region(regionCode).isEmpty()) {
			throw new BadParameter("regionCode",
					"Unknown regionCode '" + regionCode + "': not a region of catalogue/regions.yaml");
		}
		if (domain != null && !domain.equals(ReferenceData.NO_DOMAIN) && this.reference.domain(domain).isEmpty()) {
			throw new BadParameter("domain", "Unknown domain '" + domain + "'; use one of the 22 domain codes or NONE");
		}
		if (providerCode != null && !this.departments.exists(providerCode)) {
			throw new BadParameter("providerCode",
					"Unknown providerCode '" + providerCode + "': no department is registered under it");
		}
		if (asOf != null && asOf.isAfter(today())) {
			throw new BadParameter("asOf", "asOf " + asOf + " is in the future; the catalogue is known up to today, "
					+ today());
		}
		Set<String> regions = regionCode == null ? Set.of()
				: includeSubregions ? this.reference.subtree(regionCode) : Set.of(regionCode);
		return new Scope(regionCode, regions, includeSubregions, level(level), domain, providerCode, asOf);
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static RegionLevel level(String value) {
		if (value == null) {
			return null;
		}
		return Arrays.stream(RegionLevel.values()).filter(l -> l.name().equalsIgnoreCase(value)).findFirst()
			.orElseThrow(() -> new BadParameter("level", "Unknown level '" + value + "'; allowed: PROVINCE, CITY, COUNTY"));
	}

}
