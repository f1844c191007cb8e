package cn.datahub.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.HubClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static cn.datahub.report.RateFixture.FUGITIVES;
import static cn.datahub.report.RateFixture.FUGITIVES_BASIS;
import static cn.datahub.report.RateFixture.GUANXIAN;
import static cn.datahub.report.RateFixture.GX_GA;
import static cn.datahub.report.RateFixture.GX_WJ;
import static cn.datahub.report.RateFixture.LC_SCJG;
import static cn.datahub.report.RateFixture.LIAOCHENG;
import static cn.datahub.report.RateFixture.SHANDONG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brief's rate definitions, each pinned by a figure computed by hand from {@link RateFixture}, as the index
 * answers them over HTTP.
 */
@ReportFixtureContext
class RateDefinitionIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	private HubClient api;

	@BeforeEach
	void loadFixture() {
		this.api = new HubClient(this.http);
		RateFixture.loadInto(this.api);
	}

	@Test
	void regionAggregatesResourcesNotRates() {
		JsonNode report = this.api.get("/api/reports/sharing", "groupBy", "region", "regionCode", LIAOCHENG);

		assertThat(report.path("source").asText()).isEqualTo("index");
		assertRow(row(report, LIAOCHENG), "聊城市", 10, 11);
		assertThat(row(report, LIAOCHENG).path("rate").decimalValue()).isEqualByComparingTo("0.9090909090909091");
		assertRow(row(report, GUANXIAN), "冠县", 9, 10);
		assertThat(keys(report)).containsExactly(LIAOCHENG, GUANXIAN);
		assertRow(report.path("total"), "聊城市", 10, 11);
	}

	@Test
	void regionWithoutSubregionsCountsItsOwnDepartmentsOnly() {
		JsonNode report = this.api.get("/api/reports/sharing", "groupBy", "region", "regionCode", LIAOCHENG,
				"includeSubregions", "false");

		assertThat(keys(report)).containsExactly(LIAOCHENG);
		assertRow(row(report, LIAOCHENG), "聊城市", 1, 1);
	}

	@Test
	void countyAtExactlyItsTargetMeetsIt() {
		JsonNode county = row(this.api.get("/api/reports/sharing", "groupBy", "region", "regionCode", GUANXIAN), GUANXIAN);

		assertThat(county.path("rate").decimalValue()).isEqualByComparingTo("0.9");
		assertThat(county.path("target").decimalValue()).isEqualByComparingTo("0.9");
		assertThat(county.path("meetsTarget").asBoolean()).isTrue();
	}

	@Test
	void departmentsAreHeldToTheirLevelsTarget() {
		JsonNode report = this.api.get("/api/reports/sharing", "groupBy", "department", "regionCode", LIAOCHENG);

		JsonNode police = row(report, GX_GA.code());
		assertRow(police, "冠县公安局", 3, 4);
		assertThat(police.path("target").decimalValue()).isEqualByComparingTo("0.9");
		assertThat(police.path("meetsTarget").asBoolean()).isFalse();
		assertRow(row(report, GX_WJ.code()), "冠县卫生健康局", 6, 6);
		JsonNode city = row(report, LC_SCJG.code());
		assertRow(city, "聊城市市场监督管理局", 1, 1);
		assertThat(city.path("target").decimalValue()).isEqualByComparingTo("0.85");
	}

	@Test
	void provinceHasNoTargetAndSaysSo() {
		JsonNode province = row(this.api.get("/api/reports/sharing", "groupBy", "region"), SHANDONG);

		assertRow(province, "山东省", 10, 11);
		assertThat(province.has("target")).as("target of %s", province).isTrue();
		assertThat(province.path("target").isNull()).isTrue();
		assertThat(province.path("meetsTarget").isNull()).isTrue();
	}

	@Test
	void noDomainResourcesCountForSharingButNotOpenness() {
		JsonNode health = this.api.get("/api/reports/openness", "groupBy", "department", "regionCode", GUANXIAN);
		assertRow(row(health, GX_WJ.code()), "冠县卫生健康局", 4, 5);
		assertRow(row(health, GX_GA.code()), "冠县公安局", 1, 4);
		assertRow(health.path("total"), "冠县", 5, 9);

		JsonNode byDomain = this.api.get("/api/reports/sharing", "groupBy", "domain", "regionCode", GUANXIAN);
		assertRow(row(byDomain, "NONE"), "机关内部管理（不属22个领域）", 1, 1);
		assertRow(row(byDomain, "PUBLIC_SAFETY"), "公共安全", 2, 3);
		assertRow(row(byDomain, "HEALTH"), "医疗卫生", 4, 4);
		assertThat(keys(this.api.get("/api/reports/openness", "groupBy", "domain", "regionCode", GUANXIAN)))
			.hasSize(22).doesNotContain("NONE");
	}

	@Test
	void draftsAndRetiredResourcesAreNotCounted() {
		JsonNode health = this.api.get("/api/reports/sharing", "providerCode", GX_WJ.code());

		assertRow(health.path("total"), "冠县卫生健康局", 6, 6);
	}

	@Test
	void levelsSplitCityFromCountyDepartments() {
		JsonNode report = this.api.get("/api/reports/sharing", "groupBy", "level", "regionCode", LIAOCHENG);

		assertThat(keys(report)).containsExactly("CITY", "COUNTY");
		assertRow(row(report, "CITY"), "市级", 1, 1);
		assertRow(row(report, "COUNTY"), "县级", 9, 10);
	}

	@Test
	void emptyScopeHasNoRateRatherThanADivisionError() {
		JsonNode empty = this.api.get("/api/reports/sharing", "groupBy", "domain", "regionCode", GUANXIAN).path("rows")
			.findParents("key").stream().filter(r -> r.path("key").asText().equals("WORK_SAFETY")).findFirst().orElseThrow();

		assertThat(empty.path("denominator").asLong()).isZero();
		assertThat(empty.path("rate").isNull()).isTrue();
		assertThat(empty.path("meetsTarget").isNull()).isTrue();
		JsonNode nowhere = this.api.get("/api/reports/openness", "regionCode", "371521").path("total");
		assertThat(nowhere.path("denominator").asLong()).isZero();
		assertThat(nowhere.path("rate").isNull()).isTrue();
	}

	@Test
	void coverageCountsDomainsWithAnOpenResourceAndListsTheMissingOnes() {
		JsonNode county = this.api.get("/api/reports/coverage", "regionCode", GUANXIAN).path("total");

		assertRow(county, "冠县", 3, 22);
		List<String> missing = StreamSupport.stream(county.path("missingDomains").spliterator(), false)
			.map(d -> d.path("code").asText()).toList();
		assertThat(missing).hasSize(19).doesNotContain("HEALTH", "TRANSPORT", "MARKET_REGULATION").contains("CREDIT");
		assertThat(county.path("missingDomains").get(0).path("name").asText()).isEqualTo("信用服务");
	}

	@Test
	void drillDownShowsWhatKeepsADepartmentBelowTargetAndWhy() {
		JsonNode police = row(this.api.get("/api/reports/sharing", "groupBy", "department", "regionCode", GUANXIAN),
				GX_GA.code());
		String denominator = police.path("links").path("denominator").asText();
		assertThat(denominator).startsWith("/api/reports/sharing/resources?").contains("providerCode=" + GX_GA.code());

		JsonNode all = this.http.getForObject(denominator, JsonNode.class);
		assertThat(all.path("total").asLong()).isEqualTo(4);

		JsonNode shortfall = this.api.get("/api/reports/sharing/resources", "providerCode", GX_GA.code(), "part",
				"shortfall");
		assertThat(shortfall.path("total").asLong()).isEqualTo(1);
		JsonNode fugitives = shortfall.path("items").get(0);
		assertThat(fugitives.path("code").asText()).isEqualTo(FUGITIVES);
		assertThat(fugitives.path("name").asText()).isEqualTo("在逃人员信息");
		assertThat(fugitives.path("inNumerator").asBoolean()).isFalse();
		assertThat(fugitives.path("reason").asText()).isEqualTo("不予共享，依据：" + FUGITIVES_BASIS);
		assertThat(fugitives.path("notSharedBasis").asText()).isEqualTo(FUGITIVES_BASIS);

		JsonNode numerator = this.http.getForObject(police.path("links").path("numerator").asText(), JsonNode.class);
		assertThat(numerator.path("total").asLong()).isEqualTo(3);
		assertThat(numerator.path("items").findValuesAsText("inNumerator")).containsOnly("true");
	}

	private static void assertRow(JsonNode row, String name, long numerator, long denominator) {
		assertThat(row.path("name").asText()).as("name of %s", row).isEqualTo(name);
		assertThat(row.path("numerator").asLong()).as("numerator of %s", row).isEqualTo(numerator);
		assertThat(row.path("denominator").asLong()).as("denominator of %s", row).isEqualTo(denominator);
		assertThat(row.path("rate").decimalValue()).as("rate of %s", row)
			.isEqualByComparingTo(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), java.math.MathContext.DECIMAL64));
	}

	static JsonNode row(JsonNode report, String key) {
		return StreamSupport.stream(report.path("rows").spliterator(), false)
			.filter(r -> r.path("key").asText().equals(key)).findFirst()
			.orElseThrow(() -> new AssertionError("no row " + key + " in " + report));
	}

	static List<String> keys(JsonNode report) {
		return StreamSupport.stream(report.path("rows").spliterator(), false).map(r -> r.path("key").asText()).toList();
	}

}
