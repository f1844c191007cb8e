package cn.datahub.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.datahub.system.BadParameter;

/**
 * The rates the hub scores, as the brief defines them over the published resources in a scope.
 */
public enum Metric {

	/** (UNCONDITIONAL + CONDITIONAL) / all. */
	SHARING("信息资源共享率", "sharing rate") {
		@Override
		long numerator(Tally tally) {
			return tally.shared();
		}

		@Override
		long denominator(Tally tally) {
			return tally.resources();
		}
	},

	/** Open (unconditionally or conditionally) / resources in one of the 22 domains. */
	OPENNESS("公共信息资源社会开放率", "openness rate") {
		@Override
		long numerator(Tally tally) {
			return tally.open();
		}

		@Override
		long denominator(Tally tally) {
			return tally.inDomains();
		}
	},

	/** Domains with at least one open resource / 22. */
	COVERAGE("公共数据开放领域覆盖率", "domain coverage") {
		@Override
		long numerator(Tally tally) {
			return tally.openDomains().size();
		}

		@Override
		long denominator(Tally tally) {
			return DOMAINS;
		}
	};

	/** The public-data domains every city and county is to open. */
	public static final int DOMAINS = 22;

	private final String label;

	private final String labelEn;

	Metric(String label, String labelEn) {
		this.label = label;
		this.labelEn = labelEn;
	}

	abstract long numerator(Tally tally);

	abstract long denominator(Tally tally);

	public String label() {
		return this.label;
	}

	public String labelEn() {
		return this.labelEn;
	}

	/** The metric's name in URLs and configuration: {@code sharing}, {@code openness}, {@code coverage}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Metric parse(String parameter, String value) {
		return Arrays.stream(values()).filter(m -> m.key().equalsIgnoreCase(value)).findFirst()
			.orElseThrow(() -> new BadParameter(parameter, "Unknown " + parameter + " '" + value + "'; allowed: "
					+ Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", "))));
	}

}
