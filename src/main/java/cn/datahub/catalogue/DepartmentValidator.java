package cn.datahub.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.reference.Region;
import cn.datahub.catalogue.reference.RegionLevel;

import org.springframework.stereotype.Component;

/**
 * Checks a department: a valid unified social credit code, a name, a known region and the level of that region.
 */
@Component
public class DepartmentValidator {

	private final ReferenceData reference;

	DepartmentValidator(ReferenceData reference) {
		this.reference = reference;
	}

	public Department validate(DepartmentForm form) {
		List<Violation> violations = new ArrayList<>();
		if (!Uscc.isValid(form.code())) {
			violations.add(new Violation("code",
					"must be an 18-character unified social credit code with a correct check character",
					"统一社会信用代码应为18位且校验码正确"));
		}
		if (form.name() == null || form.name().isBlank()) {
			violations.add(new Violation("name", "must not be blank", "部门名称不能为空"));
		}
		else if (form.name().length() > 200) {
			violations.add(new Violation("name", "must be at most 200 characters", "部门名称不能超过200个字符"));
		}
		Optional<Region> region = this.reference.region(form.regionCode());
		if (region.isEmpty()) {
			violations.add(new Violation("regionCode", "must be a known administrative division code (GB/T 2260)",
					"行政区划代码不存在"));
		}
		Optional<RegionLevel> level = parseLevel(form.level());
		if (level.isEmpty()) {
			violations.add(new Violation("level", "must be one of PROVINCE, CITY, COUNTY", "层级应为 PROVINCE、CITY 或 COUNTY"));
		}
		else if (region.isPresent() && region.get().level() != level.get()) {
			violations.add(new Violation("level", "must match the region: " + region.get().name() + " is "
					+ region.get().level(), "层级与行政区划不符：" + region.get().name() + "为" + region.get().level()));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput("Invalid department", violations);
		}
		return new Department(form.code(), form.name().trim(), form.regionCode(), level.get());
	}

	private static Optional<RegionLevel> parseLevel(String level) {
		for (RegionLevel l : RegionLevel.values()) {
			if (l.name().equals(level)) {
				return Optional.of(l);
			}
		}
		return Optional.empty();
	}

}
