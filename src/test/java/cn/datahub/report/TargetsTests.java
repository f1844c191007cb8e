package cn.datahub.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.reference.RegionLevel;
import cn.datahub.system.HubProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Targets as the operator writes them in YAML: the seeds' values in {@code config/targets.yaml}, years that hold
 * until a later one, region overrides, and files that are refused at start with the entry at fault named.
 */
class TargetsTests {

	private static final String GUANXIAN = "371525";

	private static final String LIAOCHENG = "371500";

	@ParameterizedTest(name = "{0} {1} in {2}: {3}")
	@CsvSource({
		"SHARING, COUNTY, 2020, ",
		"SHARING, COUNTY, 2021, 0.90",
		"SHARING, COUNTY, 2026, 0.90",
		"SHARING, CITY, 2019, ",
		"SHARING, CITY, 2020, 0.85",
		"OPENNESS, CITY, 2020, 0.85",
		"OPENNESS, COUNTY, 2021, 0.90",
		"COVERAGE, COUNTY, 2026, ",
		"SHARING, PROVINCE, 2026, ",
	})
	void shippedTargetsAreTheSeedPlans(Metric metric, RegionLevel level, int year, BigDecimal expected) {
		Optional<BigDecimal> target = targets("file:config/targets.yaml").target(metric, level, null, year);

		if (expected == null) {
			assertThat(target).isEmpty();
		}
		else {
			assertThat(target).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo(expected));
		}
	}

	@Test
	void realTimeRatesAreTargetedFrom2022OnForEveryDepartment() {
		Targets targets = targets("file:config/targets.yaml");

		assertThat(targets.target(RealtimeMetric.COLLECTION, 2021)).isEmpty();
		assertThat(targets.target(RealtimeMetric.COLLECTION, 2022)).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("0.8"));
		assertThat(targets.target(RealtimeMetric.SHARING, 2026)).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("0.8"));
	}

	@Test
	void aRegionOverridesItsLevelFromItsOwnYear() {
		Targets targets = targets("classpath:targets/override.yaml");

		assertThat(targets.target(Metric.SHARING, RegionLevel.COUNTY, GUANXIAN, 2021)).hasValue(new BigDecimal("0.9"));
		assertThat(targets.target(Metric.SHARING, RegionLevel.COUNTY, GUANXIAN, 2022)).hasValue(new BigDecimal("0.975"));
		assertThat(targets.target(Metric.SHARING, RegionLevel.COUNTY, GUANXIAN, 2030)).hasValue(new BigDecimal("0.975"));
		assertThat(targets.target(Metric.SHARING, RegionLevel.COUNTY, "371521", 2023)).hasValue(new BigDecimal("0.95"));
		assertThat(targets.target(Metric.SHARING, RegionLevel.CITY, LIAOCHENG, 2023)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({
		"unknown-region.yaml, regions.379999 is not a known region",
		"fraction.yaml, levels.CITY.openness.2020: 0 is not between 0% and 100%",
		"unknown-metric.yaml, Unknown metric 'happiness'",
		"unknown-level.yaml, unknown level 'TOWNSHIP'",
		"not-a-year.yaml, '2020年' is not a year",
		"unknown-realtime.yaml, realtime.freshness is not a real-time rate; use collection or sharing",
	})
	void aFileThatCannotBeReadRightStopsTheHubNamingTheEntry(String file, String message) {
		assertThatIllegalStateException().isThrownBy(() -> targets("classpath:targets/" + file))
			.withMessageContaining(file)
			.withMessageContaining(message);
	}

	private static Targets targets(String location) {
		HubProperties properties = new HubProperties(Path.of("target"), false, "file:catalogue/", 1024, null, null, null,
				new HubProperties.Reports(location, 3600000, Duration.ofHours(24)), null);
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Targets(loader, properties, new ReferenceData(loader, properties));
	}

}
