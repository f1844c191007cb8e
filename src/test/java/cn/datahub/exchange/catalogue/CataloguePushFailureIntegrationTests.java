package cn.datahub.exchange.catalogue;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.Batch;
import cn.datahub.testing.CatalogueApi;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.ResourceForms;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.CITY;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.PROVINCE;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.awaitCaughtUp;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.batches;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.clinics;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.code;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.cursor;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.path;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.pensions;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.posts;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.pushState;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.taken;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.versionsTaken;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalogue push when a platform fails: a 5xx is retried with the same batch id, a platform down for a while
 * gets every change once and in order when it is back, a refusal (4xx) holds that platform's push, not the
 * other's, until an operator resumes it, and a push stopped and started again goes on from its cursor.
 */
@HubTest
@ContextConfiguration(initializers = CataloguePlatformStub.class)
class CataloguePushFailureIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final WireMockServer platform = CataloguePlatformStub.platform;

	@Autowired
	private HubClient api;

	@Autowired
	private CatalogueApi catalogue;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private CamelContext camel;

	@BeforeEach
	void quietExchange() {
		CatalogueExchangeFixtures.prepare(this.api);
		awaitCaughtUp(this.api, this.jdbc);
	}

	@Test
	void aServerErrorIsRetriedWithTheSameBatchUntilThePlatformTakesIt(TestInfo test) {
		String code = code("WJJ", test);
		int before = posts(this.platform, PROVINCE).size();
		this.platform.stubFor(post(urlPathEqualTo(path(PROVINCE))).inScenario(code).whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503).withBody("省平台维护中")).willSetStateTo("still down"));
		this.platform.stubFor(post(urlPathEqualTo(path(PROVINCE))).inScenario(code).whenScenarioStateIs("still down")
			.willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
		this.platform.stubFor(post(urlPathEqualTo(path(PROVINCE))).inScenario(code).whenScenarioStateIs("up").willReturn(ok()));

		this.api.create(clinics(code, "PUBLISHED"));

		awaitCaughtUp(this.api, this.jdbc);
		List<Batch> sent = batches(this.platform, PROVINCE).subList(before, posts(this.platform, PROVINCE).size());
		assertThat(sent).extracting(Batch::status).containsExactly(503, 503, 200);
		assertThat(sent).extracting(Batch::id).containsOnly(sent.get(0).id());
		assertThat(versionsTaken(this.platform, PROVINCE, code)).containsExactly("1 PUBLISHED");
		assertThat(run(PROVINCE, sent.get(0).id()).path("status").asText()).isEqualTo("SUCCEEDED");
	}

	@Test
	void aPlatformDownForAWhileGetsEveryChangeOnceAndInOrderWhenItIsBack(TestInfo test) {
		long confirmed = cursor(this.api, CITY);
		int before = posts(this.platform, CITY).size();
		this.platform.stubFor(post(urlPathEqualTo(path(CITY))).willReturn(aResponse().withStatus(503).withBody("服务不可用")));
		String clinics = code("WJJ", test);
		String pensions = code("RSJ", test);
		this.api.create(clinics(clinics, "PUBLISHED"));
		long failed = failedRuns(CITY);
		await().atMost(PATIENCE).until(() -> failedRuns(CITY) > failed);
		this.api.create(pensions(pensions, "PUBLISHED"));
		this.api.update(ResourceForms.withName(clinics(clinics, "PUBLISHED"), "冠县医疗机构执业许可登记信息"));
		long failedSoFar = failedRuns(CITY);

		await().atMost(PATIENCE).until(() -> failedRuns(CITY) >= failedSoFar + 2);
		assertThat(cursor(this.api, CITY)).as("nothing confirmed while down").isEqualTo(confirmed);
		assertThat(pushState(this.api, CITY).path("lastError").asText()).contains("503");
		this.platform.stubFor(post(urlPathEqualTo(path(CITY))).willReturn(ok()));

		awaitCaughtUp(this.api, this.jdbc);
		List<Batch> sent = batches(this.platform, CITY).subList(before, posts(this.platform, CITY).size());
		assertThat(sent.stream().filter(b -> b.status() == 503)).extracting(Batch::id)
			.as("the batch that failed is sent again as it was, though changes came after it").containsOnly(sent.get(0).id());
		assertThat(taken(this.platform, CITY).stream().map(e -> e.path("code").asText() + " " + e.path("version").asInt())
			.filter(e -> e.startsWith(clinics) || e.startsWith(pensions)))
			.containsExactly(clinics + " 1", pensions + " 1", clinics + " 2");
		assertThat(pushState(this.api, CITY).has("lastError")).as("cleared once confirmed").isFalse();
	}

	@Test
	void aRefusalHoldsThatPlatformsPushWithItsAnswerUntilResumed(TestInfo test) {
		String code = code("WJJ", test);
		long confirmed = cursor(this.api, CITY);
		int before = posts(this.platform, CITY).size();
		this.platform.stubFor(post(urlPathEqualTo(path(CITY))).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json").withBody("{\"message\":\"信息资源代码不符合省级编码规则\"}")));

		this.api.create(clinics(code, "PUBLISHED"));

		await().atMost(PATIENCE).until(() -> pushState(this.api, CITY).has("heldSince"));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> posts(this.platform, CITY).size() == before + 1);
		assertThat(cursor(this.api, CITY)).isEqualTo(confirmed);
		JsonNode run = run(CITY, batches(this.platform, CITY).get(before).id());
		assertThat(run.path("status").asText()).isEqualTo("FAILED");
		assertThat(run.path("error").asText()).contains("HTTP 400").contains("信息资源代码不符合省级编码规则").contains(code + " v1");
		await().atMost(PATIENCE).until(() -> versionsTaken(this.platform, PROVINCE, code).size() == 1);

		this.platform.stubFor(post(urlPathEqualTo(path(CITY))).willReturn(ok()));
		CatalogueApi.Reply resumed = this.catalogue.post(null, "/api/exchange/catalogue/push/{platform}/resume", CITY);

		assertThat(resumed.status()).isEqualTo(200);
		assertThat(resumed.json().has("heldSince")).isFalse();
		awaitCaughtUp(this.api, this.jdbc);
		assertThat(versionsTaken(this.platform, CITY, code)).containsExactly("1 PUBLISHED");
		assertThat(batches(this.platform, CITY).subList(before, before + 2)).extracting(Batch::id)
			.as("the refused batch, sent again as it was").containsOnly(batches(this.platform, CITY).get(before).id());
		assertThat(this.catalogue.post(null, "/api/exchange/catalogue/push/{platform}/resume", "county-platform").status())
			.isEqualTo(404);
	}

	@Test
	void aStoppedPushGoesOnFromItsCursorWhenStartedAgain(TestInfo test) throws Exception {
		String earlier = code("WJJ", test);
		this.api.create(clinics(earlier, "PUBLISHED"));
		awaitCaughtUp(this.api, this.jdbc);
		long confirmed = cursor(this.api, CITY);
		this.camel.getRouteController().stopRoute(CatalogueRoutes.pushRouteId(CITY));

		String meanwhile = code("RSJ", test);
		this.api.create(pensions(meanwhile, "PUBLISHED"));
		await().atMost(PATIENCE).until(() -> versionsTaken(this.platform, PROVINCE, meanwhile).size() == 1);
		assertThat(versionsTaken(this.platform, CITY, meanwhile)).isEmpty();
		assertThat(this.jdbc.queryForObject("select last_history_id from catalogue_push_cursor where platform = ?",
				Long.class, CITY)).isEqualTo(confirmed);

		this.camel.getRouteController().startRoute(CatalogueRoutes.pushRouteId(CITY));

		awaitCaughtUp(this.api, this.jdbc);
		assertThat(versionsTaken(this.platform, CITY, meanwhile)).containsExactly("1 PUBLISHED");
		assertThat(versionsTaken(this.platform, CITY, earlier)).as("not sent twice").containsExactly("1 PUBLISHED");
	}

	private long failedRuns(String platform) {
		return runs("FAILED").stream().filter(r -> r.path("target").asText().equals(platform)).count();
	}

	private JsonNode run(String platform, String batchId) {
		return runs(null).stream().filter(r -> r.path("target").asText().equals(platform)
				&& r.path("source").asText().equals(CataloguePush.CATALOGUE + ":" + batchId)).findFirst().orElseThrow();
	}

	private List<JsonNode> runs(String status) {
		JsonNode page = status == null ? this.api.get("/api/exchange/runs", "resourceCode", "catalogue", "size", "500")
				: this.api.get("/api/exchange/runs", "resourceCode", "catalogue", "status", status, "size", "500");
		return page.path("items").findParents("target");
	}

}
