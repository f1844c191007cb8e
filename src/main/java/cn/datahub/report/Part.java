package cn.datahub.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.datahub.system.BadParameter;

/**
 * Which resources of a rate's scope a drill-down lists: those counted in the numerator, all those in the
 * denominator, or the denominator's resources that keep the rate down.
 */
public enum Part {

	NUMERATOR, DENOMINATOR, SHORTFALL;

	public static Part parse(String value) {
		return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(value)).findFirst()
			.orElseThrow(() -> new BadParameter("part", "Unknown part '" + value + "'; allowed: "
					+ Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
	}

}
