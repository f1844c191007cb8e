package cn.datahub.report;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.reference.RegionLevel;
import cn.datahub.system.HubProperties;
import cn.datahub.system.OperatorFiles;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The targets (考核目标) from the operator's {@code config/targets.yaml}: per level and year, with overrides per
 * region, and the real-time rates' targets, which are per year only. A target holds from its year until a later one replaces it. The file is checked whole at start: a
 * hub never runs on a target it misread.
 */
@Component
public class Targets {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Map<RegionLevel, Map<Metric, NavigableMap<Integer, BigDecimal>>> levels = new EnumMap<>(RegionLevel.class);

	private final Map<String, Map<Metric, NavigableMap<Integer, BigDecimal>>> regions = new HashMap<>();

	private final Map<RealtimeMetric, NavigableMap<Integer, BigDecimal>> realtime = new EnumMap<>(RealtimeMetric.class);

	Targets(ResourceLoader loader, HubProperties properties, ReferenceData reference) {
		String location = properties.reports().targets();
		JsonNode root = OperatorFiles.read(loader.getResource(location), "targets");
		if (root == null || !root.isObject()) {
			throw new IllegalStateException(location + ": expected 'levels' and 'regions'");
		}
		root.path("levels").properties().forEach(level -> this.levels.put(level(location, level.getKey()),
				metrics(location + ": levels." + level.getKey(), level.getValue())));
		root.path("regions").properties().forEach(region -> {
			if (reference.region(region.getKey()).isEmpty()) {
				throw new IllegalStateException(location + ": regions." + region.getKey() + " is not a known region");
			}
			this.regions.put(region.getKey(), metrics(location + ": regions." + region.getKey(), region.getValue()));
		});
		root.path("realtime").properties().forEach(entry -> this.realtime.put(RealtimeMetric.of(entry.getKey())
			.orElseThrow(() -> new IllegalStateException(location + ": realtime." + entry.getKey()
					+ " is not a real-time rate; use collection or sharing")),
				years(location + ": realtime." + entry.getKey(), entry.getValue())));
	}

	/**
	 * The target for a scope at {@code level} (and in {@code regionCode}, whose own target overrides the level's)
	 * in {@code year}, as a fraction; empty when none is set.
	 */
	public Optional<BigDecimal> target(Metric metric, RegionLevel level, String regionCode, int year) {
		Optional<BigDecimal> own = lookup(this.regions.get(regionCode), metric, year);
		return own.isPresent() ? own : lookup(level == null ? null : this.levels.get(level), metric, year);
	}

	/** The target of a real-time rate in {@code year}, the same for every department; empty when none is set. */
	public Optional<BigDecimal> target(RealtimeMetric metric, int year) {
		return Optional.ofNullable(this.realtime.get(metric)).map(years -> years.floorEntry(year)).map(Map.Entry::getValue);
	}

	private static Optional<BigDecimal> lookup(Map<Metric, NavigableMap<Integer, BigDecimal>> targets, Metric metric,
			int year) {
		if (targets == null || !targets.containsKey(metric)) {
			return Optional.empty();
		}
		return Optional.ofNullable(targets.get(metric).floorEntry(year)).map(Map.Entry::getValue);
	}

	private static RegionLevel level(String location, String name) {
		try {
			return RegionLevel.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(location + ": unknown level '" + name + "'; use CITY, COUNTY or PROVINCE");
		}
	}

	private static Map<Metric, NavigableMap<Integer, BigDecimal>> metrics(String where, JsonNode node) {
		Map<Metric, NavigableMap<Integer, BigDecimal>> metrics = new EnumMap<>(Metric.class);
		node.properties().forEach(entry -> {
			Metric metric;
			try {
				metric = Metric.parse("metric", entry.getKey());
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException(where + ": " + ex.getMessage());
			}
			metrics.put(metric, years(where + "." + entry.getKey(), entry.getValue()));
		});
		return metrics;
	}

	/** {@code {2021: 90%, 2023: 95%}}: the target from each year on. */
	private static NavigableMap<Integer, BigDecimal> years(String where, JsonNode node) {
		NavigableMap<Integer, BigDecimal> years = new TreeMap<>();
		node.properties().forEach(year -> years.put(year(where, year.getKey()),
				percentage(where + "." + year.getKey(), year.getValue())));
		return years;
	}

	private static int year(String where, String value) {
		if (!value.matches("\\d{4}")) {
			throw new IllegalStateException(where + ": '" + value + "' is not a year");
		}
		return Integer.parseInt(value);
	}

	/** {@code 90%} or {@code 90} is ninety per cent, returned as 0.90. */
	private static BigDecimal percentage(String where, JsonNode node) {
		String text = node.asText().trim().toLowerCase(Locale.ROOT);
		BigDecimal percent;
		try {
			percent = new BigDecimal(text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException(where + ": '" + node.asText() + "' is not a percentage such as 90%");
		}
		if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
			throw new IllegalStateException(where + ": " + node.asText() + " is not between 0% and 100%");
		}
		return percent.divide(HUNDRED).stripTrailingZeros();
	}

}
