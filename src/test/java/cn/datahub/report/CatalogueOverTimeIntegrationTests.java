package cn.datahub.report;

import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.MutableClock;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static cn.datahub.report.RateDefinitionIntegrationTests.row;
import static cn.datahub.report.RateFixture.FUGITIVES_BASIS;
import static cn.datahub.report.RateFixture.GUANXIAN;
import static cn.datahub.report.RateFixture.resource;
import static cn.datahub.report.RateFixture.withShareType;
import static cn.datahub.testing.Usccs.withCheckCharacter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rates as the catalogue stood on a past day, and the monthly snapshots, over a history dated by the test clock:
 * <ul>
 * <li>2020-11-10 冠县市场监督管理局 registers and publishes 个体工商户登记信息, conditionally shared;</li>
 * <li>2020-12-20 it publishes 食品经营许可信息, unconditionally shared;</li>
 * <li>2021-07-15 个体工商户登记信息 becomes not shared;</li>
 * <li>2021-09-01 食品经营许可信息 is retired.</li>
 * </ul>
 */
@DatedCatalogueContext
class CatalogueOverTimeIntegrationTests {

	static final DepartmentForm GX_SCJG = new DepartmentForm(withCheckCharacter("11371525MB2860413"), "冠县市场监督管理局",
			GUANXIAN, "COUNTY");

	static final ResourceForm TRADERS = resource("371525-SCJG-0001", "个体工商户登记信息", GX_SCJG, "MARKET_REGULATION",
			"CONDITIONAL", "NOT_OPEN", "PUBLISHED");

	static final ResourceForm FOOD = resource("371525-SCJG-0002", "食品经营许可信息", GX_SCJG, "MARKET_REGULATION",
			"UNCONDITIONAL", "UNCONDITIONAL", "PUBLISHED");

	static final LocalDateTime TODAY = LocalDateTime.of(2026, 11, 23, 12, 0);

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private MutableClock clock;

	@Autowired
	private RateSnapshots snapshots;

	@Autowired
	private CamelContext camel;

	private HubClient api;

	@BeforeEach
	void writeHistory() {
		this.api = new HubClient(this.http);
		if (!this.api.departmentExists(GX_SCJG.code())) {
			at(2020, 11, 10);
			this.api.register(GX_SCJG);
			this.api.create(TRADERS);
			at(2020, 12, 20);
			this.api.create(FOOD);
			at(2021, 7, 15);
			this.api.update(withShareType(TRADERS, "NOT_SHARED"));
			at(2021, 9, 1);
			this.api.retire(FOOD.code());
		}
		this.clock.set(TODAY);
	}

	@Test
	void beforeTheDepartmentExistedThereIsNothingToCount() {
		JsonNode report = sharing("2020-11-09");

		assertThat(report.path("source").asText()).isEqualTo("history");
		assertThat(report.path("total").path("denominator").asLong()).isZero();
		assertThat(report.path("total").path("rate").isNull()).isTrue();
		assertThat(report.path("rows")).isEmpty();
	}

	@Test
	void asOfADayCountsTheResourcesAsTheyStoodAtItsEnd() {
		assertFigures(sharing("2020-11-10"), 1, 1);
		assertFigures(sharing("2020-12-31"), 2, 2);
		assertFigures(sharing("2021-07-14"), 2, 2);
		assertFigures(sharing("2021-07-15"), 1, 2);
		assertFigures(sharing("2021-09-01"), 0, 1);
		assertFigures(this.api.get("/api/reports/sharing", "groupBy", "department", "regionCode", GUANXIAN), 0, 1);
	}

	@Test
	void targetsFollowTheYearAsked() {
		JsonNode in2020 = row(sharing("2020-12-31"), GX_SCJG.code());
		assertThat(in2020.path("target").isNull()).as("county sharing has a target from 2021 on: %s", in2020).isTrue();
		assertThat(sharing("2020-12-31").path("year").asInt()).isEqualTo(2020);

		JsonNode in2021 = row(sharing("2021-07-14"), GX_SCJG.code());
		assertThat(in2021.path("target").decimalValue()).isEqualByComparingTo("0.9");
		assertThat(in2021.path("meetsTarget").asBoolean()).isTrue();
		assertThat(row(sharing("2021-07-15"), GX_SCJG.code()).path("meetsTarget").asBoolean()).isFalse();
	}

	@Test
	void drillDownAsOfADayShowsTheResourceAsItWasThen() {
		JsonNode before = this.api.get("/api/reports/sharing/resources", "providerCode", GX_SCJG.code(), "asOf",
				"2021-07-14", "part", "shortfall");
		assertThat(before.path("total").asLong()).isZero();

		JsonNode after = this.api.get("/api/reports/sharing/resources", "providerCode", GX_SCJG.code(), "asOf",
				"2021-07-15", "part", "shortfall");
		assertThat(after.path("items").findValuesAsText("code")).containsExactly(TRADERS.code());
		assertThat(after.path("items").get(0).path("reason").asText()).isEqualTo("不予共享，依据：" + FUGITIVES_BASIS);
	}

	@Test
	void monthlySnapshotsMakeTheTrend() {
		post("/api/reports/snapshots?month=2021-06", HttpStatus.CREATED);
		JsonNode july = post("/api/reports/snapshots?month=2021-07", HttpStatus.CREATED);
		assertThat(july.path("asOf").asText()).isEqualTo("2021-07-31");
		assertThat(july.path("scopes").asInt()).as("the department, 冠县, 聊城市 and 山东省").isEqualTo(4);

		JsonNode trend = this.api.get("/api/reports/trend", "metric", "sharing", "regionCode", GUANXIAN, "from", "2021-06",
				"to", "2021-07");
		List<JsonNode> points = List.copyOf(trend.path("points").findParents("period"));
		assertThat(points).extracting(p -> p.path("period").asText()).containsExactly("2021-06", "2021-07");
		assertFigures(points.get(0), 2, 2, "0.9", true);
		assertFigures(points.get(1), 1, 2, "0.9", false);
		assertThat(trend.path("name").asText()).isEqualTo("冠县");

		JsonNode department = this.api.get("/api/reports/trend", "metric", "openness", "providerCode", GX_SCJG.code(),
				"from", "2021-06", "to", "2021-07");
		assertThat(department.path("points").findValuesAsText("numerator")).containsExactly("1", "1");
	}

	@Test
	void theMonthEndSnapshotIsTakenOnceWhenTheMonthIsOver() {
		assertThat(this.camel.getRoute("report-snapshots")).as("the timer route that calls takeDue").isNotNull();
		this.clock.set(LocalDateTime.of(2021, 9, 1, 0, 30));
		this.snapshots.takeDue();
		this.clock.set(TODAY);

		JsonNode trend = this.api.get("/api/reports/trend", "regionCode", GUANXIAN, "from", "2021-08", "to", "2021-08");
		assertThat(trend.path("points").findValuesAsText("asOf")).containsExactly("2021-08-31");
		assertFigures(trend.path("points").get(0), 1, 2, "0.9", false);
	}

	@Test
	void theRunningMonthsSnapshotStandsAtTodayAndIsReplacedWhenTakenAgain() {
		JsonNode first = post("/api/reports/snapshots", HttpStatus.CREATED);
		JsonNode again = post("/api/reports/snapshots", HttpStatus.CREATED);

		assertThat(again.path("period").asText()).isEqualTo("2026-11");
		assertThat(again.path("asOf").asText()).isEqualTo("2026-11-23");
		assertThat(again.path("scopes").asInt()).isEqualTo(first.path("scopes").asInt());
		JsonNode trend = this.api.get("/api/reports/trend", "regionCode", GUANXIAN, "from", "2026-11", "to", "2026-11");
		assertThat(trend.path("points")).hasSize(1);
		assertFigures(trend.path("points").get(0), 0, 1, "0.9", false);
	}

	@Test
	void aMonthNotYetBegunIsRefused() {
		JsonNode problem = post("/api/reports/snapshots?month=2026-12", HttpStatus.BAD_REQUEST);

		assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("month");
	}

	private JsonNode sharing(String asOf) {
		return this.api.get("/api/reports/sharing", "groupBy", "department", "regionCode", GUANXIAN, "asOf", asOf);
	}

	private JsonNode post(String path, HttpStatus expected) {
		ResponseEntity<JsonNode> response = this.http.postForEntity(path, null, JsonNode.class);
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(expected);
		return response.getBody();
	}

	private void at(int year, int month, int day) {
		this.clock.set(LocalDateTime.of(year, month, day, 10, 0));
	}

	private static void assertFigures(JsonNode report, long numerator, long denominator) {
		JsonNode total = report.path("total");
		assertThat(total.path("numerator").asLong()).as("numerator of %s", total).isEqualTo(numerator);
		assertThat(total.path("denominator").asLong()).as("denominator of %s", total).isEqualTo(denominator);
	}

	private static void assertFigures(JsonNode point, long numerator, long denominator, String target, boolean meets) {
		assertThat(point.path("numerator").asLong()).as("numerator of %s", point).isEqualTo(numerator);
		assertThat(point.path("denominator").asLong()).as("denominator of %s", point).isEqualTo(denominator);
		assertThat(point.path("target").decimalValue()).isEqualTo(target);
		assertThat(point.path("meetsTarget").asBoolean()).isEqualTo(meets);
	}

}
