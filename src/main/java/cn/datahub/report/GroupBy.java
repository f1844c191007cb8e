package cn.datahub.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.datahub.system.BadParameter;

/**
 * How a report splits its scope into rows.
 */
public enum GroupBy {

	/** One row per providing department. */
	DEPARTMENT,

	/** One row per region, covering that region and everything below it (or only its own departments). */
	REGION,

	/** One row per government level of the providing departments. */
	LEVEL,

	/** One row per domain. */
	DOMAIN;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static GroupBy parse(String value) {
		return Arrays.stream(values()).filter(g -> g.key().equalsIgnoreCase(value)).findFirst()
			.orElseThrow(() -> new BadParameter("groupBy", "Unknown groupBy '" + value + "'; allowed: "
					+ Arrays.stream(values()).map(GroupBy::key).collect(Collectors.joining(", "))));
	}

}
