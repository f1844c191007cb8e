package cn.datahub.catalogue.search;

import java.util.Map;
import java.util.Optional;

import cn.datahub.catalogue.Category;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Labelled;
import cn.datahub.catalogue.OpenType;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.ShareType;
import cn.datahub.catalogue.UpdateCycle;
import cn.datahub.catalogue.reference.Domain;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.reference.Region;
import cn.datahub.system.BadParameter;

import org.springframework.stereotype.Component;

/**
 * Reads filter values as people write them (a code or its Chinese label: 有条件共享, 医疗卫生) and labels facet
 * values for people.
 */
@Component
class FacetLabels {

	private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.of("shareType", ShareType.class, "openType",
			OpenType.class, "updateCycle", UpdateCycle.class, "status", ResourceStatus.class, "category", Category.class);

	private final ReferenceData reference;

	FacetLabels(ReferenceData reference) {
		this.reference = reference;
	}

	/** The code a filter value stands for; an unknown value is a bad parameter, not an empty result. */
	String code(String filter, String value) {
		Optional<String> code = switch (filter) {
			case "domain" -> this.reference.domainCode(value);
			case "regionCode" -> this.reference.region(value).map(Region::code);
			case "providerCode" -> Optional.of(value.trim());
			default -> parse(ENUMS.get(filter), value);
		};
		return code.orElseThrow(() -> new BadParameter(filter, "Unknown " + filter + " '" + value + "'"));
	}

	String label(String facet, String value, Map<String, Department> providers) {
		return switch (facet) {
			case "domain" -> this.reference.domain(value).map(Domain::name).orElse("无");
			case "regionCode" -> this.reference.region(value).map(Region::name).orElse(value);
			case "providerCode" -> Optional.ofNullable(providers.get(value)).map(Department::name).orElse(value);
			default -> parse(ENUMS.get(facet), value).flatMap(code -> labelOf(ENUMS.get(facet), code)).orElse(value);
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Optional<String> parse(Class type, String value) {
		return Labelled.parse(type, value).map(e -> ((Enum<?>) e).name());
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Optional<String> labelOf(Class type, String code) {
		return Labelled.parse(type, code).map(e -> ((Labelled) e).label());
	}

}
