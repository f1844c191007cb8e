package cn.datahub.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static cn.datahub.report.RateFixture.resource;
import static cn.datahub.testing.Usccs.withCheckCharacter;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-time collection and sharing rates (实时采集率、实时共享率) counted from what the exchange did, on the test
 * clock, against the 80% target of {@code config/targets.yaml}:
 * <ul>
 * <li>茌平区市场监督管理局: 企业登记信息 pushed by its system and delivered to the city platform (collected and shared
 * in real time); 食品经营许可信息 pushed, but only into the hub's own outbox (collected, not shared onward);
 * 投诉举报信息, not shared and not attached; 特种设备信息 fed by file drops only (batch, not real time);</li>
 * <li>东昌府区卫生健康局: 医疗机构执业登记信息 pushed and delivered, then refused by the platform at the next push
 * (collected, no longer shared in real time).</li>
 * </ul>
 */
@DatedCatalogueContext
class RealtimeRatesIntegrationTests {

	static final String CHIPING = "371503";

	static final String DONGCHANGFU = "371502";

	static final DepartmentForm CP_SCJG = new DepartmentForm(withCheckCharacter("11371503MB1742258"), "茌平区市场监督管理局",
			CHIPING, "COUNTY");

	static final DepartmentForm DCF_WJ = new DepartmentForm(withCheckCharacter("11371502MB1560379"), "东昌府区卫生健康委员会",
			DONGCHANGFU, "COUNTY");

	static final LocalDateTime MORNING = LocalDateTime.of(2026, 11, 23, 9, 0);

	private static final WireMockServer platform = new WireMockServer(options().dynamicPort());

	static {
		platform.start();
	}

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private MutableClock clock;

	private HubClient api;

	@AfterAll
	static void stopPlatform() {
		platform.stop();
	}

	@BeforeEach
	void exchangeOneMorning() throws Exception {
		this.api = new HubClient(this.http);
		this.clock.set(MORNING);
		if (this.api.departmentExists(CP_SCJG.code())) {
			return;
		}
		platform.stubFor(post(urlPathEqualTo("/cp")).willReturn(ok()));
		platform.stubFor(post(urlPathEqualTo("/dcf")).willReturn(ok()));
		List.of(CP_SCJG, DCF_WJ).forEach(this.api::register);
		long enterprises = pushSource(resource("371503-SCJG-0001", "企业登记信息", CP_SCJG, "MARKET_REGULATION",
				"UNCONDITIONAL", "UNCONDITIONAL", "PUBLISHED"));
		long food = pushSource(resource("371503-SCJG-0002", "食品经营许可信息", CP_SCJG, "MARKET_REGULATION",
				"CONDITIONAL", "NOT_OPEN", "PUBLISHED"));
		this.api.create(resource("371503-SCJG-0003", "投诉举报信息", CP_SCJG, "MARKET_REGULATION", "NOT_SHARED", "NOT_OPEN",
				"PUBLISHED"));
		this.api.create(resource("371503-SCJG-0004", "特种设备信息", CP_SCJG, "MARKET_REGULATION", "UNCONDITIONAL",
				"NOT_OPEN", "PUBLISHED"));
		attach(Map.of("resourceCode", "371503-SCJG-0004", "kind", "FILE", "file",
				Map.of("path", Files.createTempDirectory("tzsb").toAbsolutePath().toString())));
		long clinics = pushSource(resource("371502-WJ-0001", "医疗机构执业登记信息", DCF_WJ, "HEALTH", "UNCONDITIONAL",
				"UNCONDITIONAL", "PUBLISHED"));
		target("cp-platform", "/cp", "371503-SCJG-0001");
		target("dcf-platform", "/dcf", "371502-WJ-0001");

		push(enterprises, "聊城市茌平区鑫达机械有限公司", 1);
		push(food, "茌平区温陈街道好味道快餐店", 2);
		push(clinics, "东昌府区古楼街道社区卫生服务中心", 3);
		this.clock.set(MORNING.plusMinutes(30));
		platform.stubFor(post(urlPathEqualTo("/dcf")).willReturn(aResponse().withStatus(422).withBody("机构代码不符")));
		push(clinics, "东昌府区新区街道社区卫生服务中心", 4);
	}

	@Test
	void eachDepartmentIsCountedFromItsSourcesAndDeliveries() {
		JsonNode report = realtime("groupBy", "department", "regionCode", "371500");

		JsonNode chiping = row(report.path("collection"), CP_SCJG.code());
		assertFigures(chiping, 2, 4);
		assertThat(chiping.path("name").asText()).isEqualTo("茌平区市场监督管理局");
		assertThat(chiping.path("target").decimalValue()).isEqualByComparingTo("0.8");
		assertThat(chiping.path("meetsTarget").asBoolean()).isFalse();
		assertFigures(row(report.path("sharing"), CP_SCJG.code()), 1, 3);
		JsonNode dongchangfu = row(report.path("collection"), DCF_WJ.code());
		assertFigures(dongchangfu, 1, 1);
		assertThat(dongchangfu.path("meetsTarget").asBoolean()).isTrue();
		assertFigures(row(report.path("sharing"), DCF_WJ.code()), 0, 1);
		assertThat(report.path("collection").path("metric").asText()).isEqualTo("realtime-collection");
		assertThat(report.path("freshness").asText()).isEqualTo("PT24H");
	}

	@Test
	void regionsAddUpTheirDepartmentsResources() {
		JsonNode report = realtime("groupBy", "region", "regionCode", CHIPING);

		assertFigures(report.path("collection").path("total"), 2, 4);
		assertThat(report.path("collection").path("rows")).hasSize(1);
		assertFigures(row(report.path("collection"), CHIPING), 2, 4);
		assertFigures(row(report.path("sharing"), CHIPING), 1, 3);
		assertThat(row(report.path("sharing"), CHIPING).path("name").asText()).isEqualTo("茌平区");
	}

	@Test
	void aSourceNotReadWellWithinTheFreshnessWindowIsNoLongerRealTime() {
		this.clock.set(MORNING.plusHours(25));

		JsonNode report = realtime("groupBy", "department", "regionCode", CHIPING);

		assertFigures(row(report.path("collection"), CP_SCJG.code()), 0, 4);
		assertFigures(row(report.path("sharing"), CP_SCJG.code()), 0, 3);
	}

	@Test
	void realTimeRatesHaveNoHistoryAndAreScoredPerDepartmentOrRegion() {
		ResponseEntity<JsonNode> past = this.api.getResponse("/api/reports/realtime", "asOf", "2026-11-01");
		ResponseEntity<JsonNode> byDomain = this.api.getResponse("/api/reports/realtime", "groupBy", "domain");

		assertThat(past.getStatusCode().value()).isEqualTo(400);
		assertThat(past.getBody().path("errors").get(0).path("field").asText()).isEqualTo("asOf");
		assertThat(byDomain.getStatusCode().value()).isEqualTo(400);
		assertThat(byDomain.getBody().path("errors").get(0).path("field").asText()).isEqualTo("groupBy");
	}

	private JsonNode realtime(String... parameters) {
		return this.api.get("/api/reports/realtime", parameters);
	}

	private static JsonNode row(JsonNode report, String key) {
		for (JsonNode row : report.path("rows")) {
			if (row.path("key").asText().equals(key)) {
				return row;
			}
		}
		throw new AssertionError("no row " + key + " in " + report);
	}

	private static void assertFigures(JsonNode row, long numerator, long denominator) {
		assertThat(row.path("numerator").asLong()).as("numerator of %s", row).isEqualTo(numerator);
		assertThat(row.path("denominator").asLong()).as("denominator of %s", row).isEqualTo(denominator);
	}

	/** Publishes the resource and attaches its department system as a PUSH source. */
	private long pushSource(ResourceForm resource) {
		this.api.create(resource);
		return attach(Map.of("resourceCode", resource.code(), "kind", "PUSH"));
	}

	private long attach(Map<String, Object> form) {
		ResponseEntity<JsonNode> created = this.http.postForEntity("/api/exchange/attachments", form, JsonNode.class);
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		return created.getBody().path("id").asLong();
	}

	private void target(String name, String path, String resourceCode) {
		ResponseEntity<JsonNode> created = this.http.postForEntity("/api/exchange/targets", Map.of("name", name, "nameZh",
				"聊城市政务数据共享交换平台（测试）", "kind", "HTTP", "url", platform.baseUrl() + path, "resources", List.of(resourceCode)),
				JsonNode.class);
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
	}

	/** One record pushed by the department system; a refusal by a target is part of what some tests count. */
	private void push(long attachment, String name, int n) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		String record = "[{\"tyshxydm\": \"" + withCheckCharacter("91371500MA3C" + String.format("%05d", n)) + "\", \"mc\": \""
				+ name + "\"}]";
		this.http.postForEntity("/api/exchange/attachments/{id}/records", new HttpEntity<>(record, headers), JsonNode.class,
				attachment);
	}

}
