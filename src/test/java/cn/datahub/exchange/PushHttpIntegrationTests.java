package cn.datahub.exchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pushing to the exchange platforms over HTTP, with WireMock as the platform: the sample CSV dropped into an inbox
 * reaches the city platform of {@code config/platforms.yaml} as JSON with its resource code and batch id; 5xx,
 * timeouts, reset connections and broken answers are retried and the batch arrives once; a platform down for a
 * while gets everything exactly once when it returns; a 4xx sets the file aside with the platform's answer. The
 * push routes' metrics are scraped at {@code /actuator/prometheus} (test contexts export none unless asked).
 */
@HubTest
@AutoConfigureObservability(tracing = false)
class PushHttpIntegrationTests {

	static final String CITY_CODE = FileDropIntegrationTests.CODE + "-CITY";

	@RegisterExtension
	static final WireMockExtension platform = OutsideSystems.wireMock();

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ExchangeProperties properties;

	@Autowired
	private CamelContext camel;

	private final ObjectMapper json = new ObjectMapper();

	private HubClient api;

	private String code;

	private String path;

	@DynamicPropertySource
	static void cityPlatform(DynamicPropertyRegistry registry) {
		registry.add("hub.exchange.push.platforms", () -> "classpath:platforms/city.yaml");
		registry.add("test.city-platform-url", () -> platform.baseUrl() + "/city/batches");
	}

	@BeforeEach
	void publishTheResource(TestInfo test) {
		this.api = new HubClient(this.http);
		this.code = ExchangeFixtures.publishFor(this.api, test, "P");
		this.path = "/platform/" + ExchangeFixtures.suffix(test);
	}

	@Test
	void aDroppedCsvReachesTheCityPlatformAsJsonWithItsResourceAndBatch() throws Exception {
		ExchangeFixtures.publish(this.api, CITY_CODE);
		platform.stubFor(post(urlPathEqualTo("/city/batches")).willReturn(ok("{\"code\":0,\"message\":\"接收成功\"}")));

		Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-市平台.csv", CITY_CODE);

		assertThat(ExchangeFixtures.done(dropped)).isTrue();
		List<ServeEvent> received = served("/city/batches");
		assertThat(received).hasSize(1);
		var request = received.get(0).getRequest();
		assertThat(request.getHeader(HttpTarget.RESOURCE_HEADER)).isEqualTo(CITY_CODE);
		assertThat(URLDecoder.decode(request.getHeader(HttpTarget.BATCH_HEADER), StandardCharsets.UTF_8)).startsWith("个体工商户-市平台-").endsWith("-000001");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		JsonNode records = this.json.readTree(request.getBody());
		assertThat(records).hasSize(18);
		assertThat(records.get(0).path("tyshxydm").asText()).isEqualTo("92371525MA7P97J1M9");
		assertThat(records.get(0).path("ztmc").path("string").asText()).isEqualTo("冠县清泉便民超市");
		assertThat(records.get(0).path("jyzxm").path("string").asText()).as("the platform is not masked").isEqualTo("张建国");
		assertThat(run(CITY_CODE, "city-platform").path("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(run(CITY_CODE, "city-platform").path("recordsOut").asLong()).isEqualTo(18);
	}

	@Test
	void aServerErrorIsRetriedAndTheBatchDeliveredOnce() throws Exception {
		addTarget(5000);
		platform.stubFor(post(urlPathEqualTo(this.path)).inScenario(this.path).whenScenarioStateIs(STARTED)
			.willReturn(serverError().withBody("数据库连接池耗尽")).willSetStateTo("recovered"));
		platform.stubFor(post(urlPathEqualTo(this.path)).inScenario(this.path).whenScenarioStateIs("recovered")
			.willReturn(ok()));

		Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-重试.csv", this.code);

		assertThat(ExchangeFixtures.done(dropped)).isTrue();
		assertThat(statuses()).containsExactly(500, 200);
		assertThat(ExchangeFixtures.confirmed(platform, this.path)).hasSize(18);
		assertThat(run(this.code, target()).path("status").asText()).isEqualTo("SUCCEEDED");
	}

	@Test
	void anAnswerPastTheTimeoutIsRetriedWithTheSameBatchId() throws Exception {
		addTarget(500);
		platform.stubFor(post(urlPathEqualTo(this.path)).inScenario(this.path).whenScenarioStateIs(STARTED)
			.willReturn(ok().withFixedDelay(2000)).willSetStateTo("fast"));
		platform.stubFor(post(urlPathEqualTo(this.path)).inScenario(this.path).whenScenarioStateIs("fast")
			.willReturn(ok()));

		Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-超时.csv", this.code);

		assertThat(ExchangeFixtures.done(dropped)).isTrue();
		List<ServeEvent> received = served(this.path);
		assertThat(received).hasSize(2);
		assertThat(received).extracting(e -> e.getRequest().getHeader(HttpTarget.BATCH_HEADER)).as("lets the platform "
				+ "drop the copy it answered too late").containsOnly(received.get(0).getRequest().getHeader(HttpTarget.BATCH_HEADER));
		assertThat(run(this.code, target()).path("status").asText()).isEqualTo("SUCCEEDED");
	}

	@Test
	void aResetConnectionAndABrokenAnswerAreRetried() throws Exception {
		addTarget(5000);
		platform.stubFor(post(urlPathEqualTo(this.path)).inScenario(this.path).whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("garbage"));
		platform.stubFor(post(urlPathEqualTo(this.path)).inScenario(this.path).whenScenarioStateIs("garbage")
			.willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)).willSetStateTo("up"));
		platform.stubFor(post(urlPathEqualTo(this.path)).inScenario(this.path).whenScenarioStateIs("up")
			.willReturn(ok("<html>不是JSON</html>")));

		Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-断连.csv", this.code);

		assertThat(ExchangeFixtures.done(dropped))
			.as("a 2xx confirms the batch whatever its body").isTrue();
		assertThat(served(this.path)).hasSize(3);
		assertThat(ExchangeFixtures.confirmed(platform, this.path)).hasSize(18);
	}

	@Test
	void aPlatformDownForAWhileGetsEverythingOnceItReturns() throws Exception {
		addTarget(2000);
		platform.stubFor(post(urlPathEqualTo(this.path)).willReturn(aResponse().withStatus(503).withBody("系统维护中")));

		Path dropped = ExchangeFixtures.dropWithoutWaiting(this.properties.inbox(), "个体工商户-宕机.csv", this.code);
		await().atMost(Duration.ofSeconds(60)).until(() -> failedRuns(target()) >= 2);
		assertThat(Files.exists(dropped)).as("kept in the inbox while the platform is down").isTrue();
		platform.stubFor(post(urlPathEqualTo(this.path)).willReturn(ok()));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> ExchangeFixtures.done(dropped));
		List<JsonNode> delivered = ExchangeFixtures.confirmed(platform, this.path);
		assertThat(delivered).hasSize(18);
		assertThat(delivered.stream().map(r -> r.path("tyshxydm").asText()).distinct()).hasSize(18);
		assertThat(run(this.code, target()).path("error").asText()).as("the last run").isEmpty();
	}

	@Test
	void aRefusalFailsTheRunWithThePlatformsAnswerAndIsNotRetried() throws Exception {
		addTarget(2000);
		platform.stubFor(post(urlPathEqualTo(this.path)).willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json").withBody("{\"message\":\"资源代码未在省平台注册\"}")));

		Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-拒收.csv", this.code);

		assertThat(Files.exists(dropped.resolveSibling("failed").resolve(dropped.getFileName()))).isTrue();
		platform.verify(1, postRequestedFor(urlPathEqualTo(this.path)).withHeader(HttpTarget.RESOURCE_HEADER,
				equalTo(this.code)));
		JsonNode run = run(this.code, target());
		assertThat(run.path("status").asText()).isEqualTo("FAILED");
		assertThat(run.path("error").asText()).contains("HTTP 422").contains("资源代码未在省平台注册");
	}

	@Test
	void prometheusShowsTheCamelRouteMetricsOfThePushRoutes() throws Exception {
		addTarget(2000);
		platform.stubFor(post(urlPathEqualTo(this.path)).willReturn(ok()));
		ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-指标.csv", this.code);

		ResponseEntity<String> scrape = this.http.getForEntity("/actuator/prometheus", String.class);

		assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(scrape.getBody()).contains("camel_exchanges_total{")
			.contains("routeId=\"" + ExchangeRoutes.INBOX + "\"")
			.contains("routeId=\"" + PushRoutes.routeId(target()) + "\"");
	}

	private String target() {
		return "platform-" + this.path.substring(this.path.lastIndexOf('/') + 1);
	}

	/** An HTTP target for this test's resource only, at this test's path of the stub. */
	private void addTarget(int timeoutMs) {
		var created = this.http.postForEntity("/api/exchange/targets", Map.of("name", target(), "nameZh", "聊城市测试平台",
				"kind", "HTTP", "url", platform.baseUrl() + this.path, "timeoutMs", timeoutMs, "resources", List.of(this.code)),
				JsonNode.class);
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
	}

	private List<ServeEvent> served(String url) {
		return platform.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(url))
			.sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate())).toList();
	}

	private List<Integer> statuses() {
		return served(this.path).stream().map(e -> e.getResponse().getStatus()).toList();
	}

	private long failedRuns(String target) {
		JsonNode runs = this.api.get("/api/exchange/runs", "resourceCode", this.code, "status", "FAILED");
		return runs.path("items").findValuesAsText("target").stream().filter(target::equals).count();
	}

	private JsonNode run(String resourceCode, String target) {
		JsonNode runs = this.api.get("/api/exchange/runs", "resourceCode", resourceCode);
		return runs.path("items").findParents("target").stream().filter(r -> r.path("target").asText().equals(target))
			.findFirst().orElseThrow();
	}

}
