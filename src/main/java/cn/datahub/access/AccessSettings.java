package cn.datahub.access;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.Uscc;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.system.OperatorFiles;

import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The review stages, longest period and webhooks of {@code config/access.yaml}, with {@code ${...}} placeholders
 * resolved from the environment (a webhook's URL differs between test and production). The file is checked whole at
 * start: a hub never counts a deadline, or sends a notice, on a setting it misread.
 */
@Component
class AccessSettings {

	private static final int MOST_WORKING_DAYS = 60;

	private final Period maximumPeriod;

	private final Stages defaults;

	private final Map<String, Stages> regions = new HashMap<>();

	private final Map<String, URI> webhooks = new HashMap<>();

	private final ReferenceData reference;

	AccessSettings(ResourceLoader loader, Environment environment, AccessProperties properties, ReferenceData reference) {
		this.reference = reference;
		String location = properties.settings();
		JsonNode root = OperatorFiles.read(loader.getResource(location), "access settings", environment);
		if (root == null || !root.isObject()) {
			throw new IllegalStateException(location + ": expected 'maximumPeriod', 'stages' and 'regions'");
		}
		this.maximumPeriod = period(location + ": maximumPeriod", root.path("maximumPeriod").asText("P1Y"));
		Stages read = stages(location + ": stages", root.path("stages"));
		this.defaults = new Stages(null, read.compliance() == null ? Boolean.TRUE : read.compliance(),
				read.complianceDays() == null ? 2 : read.complianceDays(),
				read.providerDays() == null ? 10 : read.providerDays());
		root.path("regions").properties().forEach(region -> {
			String where = location + ": regions." + region.getKey();
			if (reference.region(region.getKey()).isEmpty()) {
				throw new IllegalStateException(where + " is not a region of catalogue/regions.yaml");
			}
			this.regions.put(region.getKey(), stages(where, region.getValue()));
		});
		root.path("webhooks").properties().forEach(hook -> this.webhooks.put(department(location + ": webhooks",
				hook.getKey()), url(location + ": webhooks." + hook.getKey(), hook.getValue().asText())));
	}

	Period maximumPeriod() {
		return this.maximumPeriod;
	}

	/** The plan for a provider in the region: the nearest setting at or above the region wins. */
	ReviewPlan plan(String regionCode) {
		List<String> path = this.reference.regionPath(regionCode);
		Stages plan = this.defaults;
		for (int i = path.size() - 1; i >= 0; i--) {
			plan = plan.overriddenBy(this.regions.get(path.get(i)));
		}
		return new ReviewPlan(plan.compliance() ? plan.dataAuthority() : null, plan.complianceDays(), plan.providerDays());
	}

	Optional<URI> webhook(String departmentCode) {
		return Optional.ofNullable(this.webhooks.get(departmentCode));
	}

	private static Stages stages(String where, JsonNode node) {
		JsonNode compliance = node.path("compliance");
		String authority = node.hasNonNull("dataAuthority") ? department(where + ".dataAuthority",
				node.path("dataAuthority").asText()) : null;
		return new Stages(authority, compliance.hasNonNull("enabled") ? compliance.path("enabled").asBoolean() : null,
				days(where + ".compliance.workingDays", compliance.path("workingDays")),
				days(where + ".provider.workingDays", node.path("provider").path("workingDays")));
	}

	private static Integer days(String where, JsonNode node) {
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (!node.canConvertToInt() || node.asInt() < 1 || node.asInt() > MOST_WORKING_DAYS) {
			throw new IllegalStateException(where + ": '" + node.asText() + "' is not a number of working days from 1 to "
					+ MOST_WORKING_DAYS);
		}
		return node.asInt();
	}

	private static String department(String where, String code) {
		if (!Uscc.isValid(code)) {
			throw new IllegalStateException(where + ": '" + code + "' is not a unified social credit code");
		}
		return code;
	}

	private static Period period(String where, String value) {
		try {
			Period period = Period.parse(value);
			if (period.isNegative() || period.isZero()) {
				throw new IllegalStateException(where + ": " + value + " is not a period of some length");
			}
			return period;
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException(where + ": '" + value + "' is not a period such as P1Y or P6M");
		}
	}

	private static URI url(String where, String value) {
		try {
			URI uri = new URI(value);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// refused below, as any URL that is not http or https
		}
		throw new IllegalStateException(where + ": '" + value + "' is not an absolute http or https URL");
	}

	/** One level of settings; a null value is left to the level above. */
	private record Stages(String dataAuthority, Boolean compliance, Integer complianceDays, Integer providerDays) {

		Stages overriddenBy(Stages region) {
			if (region == null) {
				return this;
			}
			return new Stages(region.dataAuthority() != null ? region.dataAuthority() : this.dataAuthority,
					region.compliance() != null ? region.compliance() : this.compliance,
					region.complianceDays() != null ? region.complianceDays() : this.complianceDays,
					region.providerDays() != null ? region.providerDays() : this.providerDays);
		}

	}

}
