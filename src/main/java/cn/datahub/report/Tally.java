package cn.datahub.report;

import java.util.Set;
import java.util.TreeSet;

/**
 * What every rate is computed from, counted over the published resources of one group: all of them, the shared
 * ones, those in one of the 22 domains, the open ones among those, and which domains have an open resource.
 * Tallies add up, so a region's tally is the sum of its departments' (rates never average).
 */
public record Tally(long resources, long shared, long inDomains, long open, Set<String> openDomains) {

	public static final Tally EMPTY = new Tally(0, 0, 0, 0, Set.of());

	public Tally {
		openDomains = Set.copyOf(openDomains);
	}

	public Tally plus(Tally other) {
		Set<String> domains = new TreeSet<>(this.openDomains);
		domains.addAll(other.openDomains);
		return new Tally(this.resources + other.resources, this.shared + other.shared, this.inDomains + other.inDomains,
				this.open + other.open, domains);
	}

	public long numerator(Metric metric) {
		return metric.numerator(this);
	}

	public long denominator(Metric metric) {
		return metric.denominator(this);
	}

}
