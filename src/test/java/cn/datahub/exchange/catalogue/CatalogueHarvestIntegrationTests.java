package cn.datahub.exchange.catalogue;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import cn.datahub.testing.CatalogueApi;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ContextConfiguration;

import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.CITY;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.PROVINCE;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.clinics;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.code;
import static cn.datahub.testing.Usccs.withCheckCharacter;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * This region's catalogue read back from the platforms (数据回流), with WireMock serving their pages: entries are
 * checked against the {@code CatalogueEntry} schema (a bad one is skipped and reported), the newest version of
 * each is kept, the hub's own are marked and their drift from the hub flagged, and the listing is filtered.
 */
@HubTest
@ContextConfiguration(initializers = CataloguePlatformStub.class)
class CatalogueHarvestIntegrationTests {

	/** 莘县市场监督管理局, a neighbouring county's department the hub does not know. */
	private static final String SHEN_COUNTY_MARKET = withCheckCharacter("11371522MB1593067");

	private final WireMockServer platform = CataloguePlatformStub.platform;

	@Autowired
	private HubClient api;

	@Autowired
	private CatalogueApi catalogue;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void platformsHoldNothingYet() {
		CatalogueExchangeFixtures.prepare(this.api);
	}

	@Test
	void harvestedEntriesAreListedWithTheHubsOwnMarkedAndTheirDriftFlagged(TestInfo test) {
		List<String> published = CatalogueExchangeFixtures.publishBoth(this.api, test);
		String drifted = published.get(0);
		String agreed = published.get(1);
		ObjectNode newer = entry(drifted).put("version", 3).put("name", "冠县医疗机构执业登记信息（省平台修订）");
		ObjectNode neighbour = entry(agreed).put("code", "371522-SCJ-0007").put("name", "莘县食品经营许可信息")
			.put("providerCode", SHEN_COUNTY_MARKET).put("providerName", "莘县市场监督管理局").put("regionCode", "371522");
		ObjectNode labelled = entry(agreed).put("code", "371525-JTJ-0099").put("shareType", "有条件共享");
		CataloguePlatformStub.servePages(CITY, List.of(newer, neighbour), List.of(entry(agreed), labelled), List.of());

		CatalogueApi.Reply harvest = this.catalogue.post(null, "/api/exchange/catalogue/harvest?platform={platform}", CITY);

		assertThat(harvest.status()).as(harvest.body()).isEqualTo(200);
		JsonNode report = harvest.json().get(0);
		assertThat(report.path("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(report.path("read").asInt()).isEqualTo(4);
		assertThat(report.path("stored").asInt() + report.path("unchanged").asInt()).isEqualTo(3);
		JsonNode rejected = report.path("rejected").get(0);
		assertThat(rejected.path("code").asText()).isEqualTo("371525-JTJ-0099");
		assertThat(rejected.path("page").asInt()).isEqualTo(1);
		assertThat(rejected.path("position").asInt()).isEqualTo(1);
		assertThat(rejected.path("reason").asText()).contains("有条件共享");
		assertThat(run(report.path("runId").asLong()).path("rejected").asInt()).isEqualTo(1);
		JsonNode kept = this.api.get("/api/exchange/catalogue/harvest-rejections", "runId", report.path("runId").asText())
			.path("items").get(0);
		assertThat(kept.path("reason").asText()).isEqualTo(rejected.path("reason").asText());
		assertThat(kept.path("entry").asText()).as("as the platform sent it").contains("\"shareType\":\"有条件共享\"");

		JsonNode own = listed("platform", CITY, "regionCode", "371525");
		assertThat(find(own, drifted).path("own").asBoolean()).isTrue();
		assertThat(find(own, drifted).path("version").asInt()).isEqualTo(3);
		assertThat(find(own, drifted).path("hubVersion").asInt()).isEqualTo(1);
		assertThat(find(own, drifted).path("drift").asBoolean()).isTrue();
		assertThat(find(own, agreed).path("drift").asBoolean()).isFalse();
		JsonNode neighbours = listed("platform", CITY, "regionCode", "371522");
		assertThat(find(neighbours, "371522-SCJ-0007").path("providerName").asText()).isEqualTo("莘县市场监督管理局");
		assertThat(find(neighbours, "371522-SCJ-0007").path("own").asBoolean()).isFalse();
		assertThat(listed("platform", CITY, "drift", "true").path("items").findValuesAsText("code"))
			.contains(drifted).doesNotContain(agreed, "371522-SCJ-0007");
		assertThat(listed("platform", CITY, "own", "false").path("items").findValuesAsText("code"))
			.contains("371522-SCJ-0007").doesNotContain(drifted, agreed, "371525-JTJ-0099");
	}

	@Test
	void anOlderVersionNeverTakesThePlaceOfANewerOne(TestInfo test) {
		String code = code("WJJ", test);
		this.api.create(clinics(code, "PUBLISHED"));
		CataloguePlatformStub.servePages(PROVINCE, List.of(entry(code).put("version", 4).put("name", "第四版")));
		harvest(PROVINCE);

		CataloguePlatformStub.servePages(PROVINCE, List.of(entry(code).put("version", 2).put("name", "第二版")));
		JsonNode report = harvest(PROVINCE);

		assertThat(report.path("unchanged").asInt()).isEqualTo(1);
		JsonNode kept = find(listed("platform", PROVINCE), code);
		assertThat(kept.path("version").asInt()).isEqualTo(4);
		assertThat(kept.path("name").asText()).isEqualTo("第四版");
	}

	@Test
	void aPageThePlatformCannotServeFailsTheRunAndKeepsWhatCameBefore(TestInfo test) {
		List<String> published = CatalogueExchangeFixtures.publishBoth(this.api, test);
		CataloguePlatformStub.servePages(PROVINCE, List.of(entry(published.get(0)), entry(published.get(1))));
		CataloguePlatformStub.servePage(PROVINCE, 1, aResponse().withStatus(503).withBody("省平台目录服务不可用"));

		JsonNode report = harvest(PROVINCE);

		assertThat(report.path("status").asText()).isEqualTo("FAILED");
		assertThat(report.path("error").asText()).contains("page=1").contains("503");
		assertThat(run(report.path("runId").asLong()).path("status").asText()).isEqualTo("FAILED");
		assertThat(listed("platform", PROVINCE).path("items").findValuesAsText("code")).containsAll(published);
	}

	@Test
	void eachPlatformIsHarvestedOnItsOwnSoonAfterStart() {
		await().atMost(Duration.ofSeconds(30)).until(() -> harvestsScheduled(CITY) >= 1 && harvestsScheduled(PROVINCE) >= 1);
	}

	@Test
	void badParametersAreRefusedNamingTheParameter() {
		this.catalogue.get("/api/exchange/catalogue/harvested?platform=county-platform").isProblem(HttpStatus.BAD_REQUEST, "platform");
		this.catalogue.get("/api/exchange/catalogue/harvested?regionCode=3715").isProblem(HttpStatus.BAD_REQUEST, "regionCode");
		this.catalogue.get("/api/exchange/catalogue/harvested?drift=perhaps").isProblem(HttpStatus.BAD_REQUEST, "drift");
		this.catalogue.get("/api/exchange/catalogue/harvested?size=0").isProblem(HttpStatus.BAD_REQUEST, "size");
		this.catalogue.get("/api/exchange/catalogue/harvested?page=-1").isProblem(HttpStatus.BAD_REQUEST, "page");
		this.catalogue.get("/api/exchange/catalogue/harvest-rejections?runId=first").isProblem(HttpStatus.BAD_REQUEST, "runId");
		this.catalogue.post(null, "/api/exchange/catalogue/harvest?platform=county-platform")
			.isProblem(HttpStatus.BAD_REQUEST, "platform");
	}

	/** The resource as the hub itself would push it: what a platform holds of it, before a test changes that. */
	private ObjectNode entry(String code) {
		return (ObjectNode) this.api.get("/api/resources/" + code + "/catalogue-entry").deepCopy();
	}

	private JsonNode harvest(String platform) {
		CatalogueApi.Reply reply = this.catalogue.post(null, "/api/exchange/catalogue/harvest?platform={platform}", platform);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().get(0);
	}

	private JsonNode listed(String... parameters) {
		List<String> query = new java.util.ArrayList<>(List.of(parameters));
		query.addAll(List.of("size", "500"));
		return this.api.get("/api/exchange/catalogue/harvested", query.toArray(String[]::new));
	}

	private static JsonNode find(JsonNode page, String code) {
		return page.path("items").findParents("code").stream().filter(e -> e.path("code").asText().equals(code))
			.findFirst().orElseThrow(() -> new AssertionError(code + " not in " + page));
	}

	private JsonNode run(long id) {
		return this.api.get("/api/exchange/runs", "resourceCode", "catalogue", "size", "500").path("items")
			.findParents("id").stream().filter(r -> r.path("id").asLong() == id).findFirst().orElseThrow();
	}

	/** Runs of the platform's harvest route: its timer, not an operator, started them. */
	private double harvestsScheduled(String platform) {
		Counter counter = this.meters.find("camel.exchanges.total").tag("routeId", CatalogueRoutes.harvestRouteId(platform))
			.counter();
		return counter == null ? 0 : counter.count();
	}

}
