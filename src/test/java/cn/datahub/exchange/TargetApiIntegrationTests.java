package cn.datahub.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Targets added and deleted through {@code /api/exchange/targets} while the hub runs: an HTTP target gets its
 * route at once and loses it when deleted, a FILE target writes masked Avro to its own outbox folder through a
 * route that retries a write that failed, and a
 * definition that cannot work is refused with a problem body naming the field.
 */
@HubTest
class TargetApiIntegrationTests {

	@RegisterExtension
	static final WireMockExtension consumer = OutsideSystems.wireMock();

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ExchangeProperties properties;

	@Autowired
	private CamelContext camel;

	private HubClient api;

	private String code;

	private String name;

	@BeforeAll
	static void consumerTakesEverything() {
		consumer.stubFor(post(urlPathEqualTo("/api/receive")).willReturn(ok()));
	}

	@BeforeEach
	void publishTheResource(TestInfo test) {
		this.api = new HubClient(this.http);
		this.code = ExchangeFixtures.publishFor(this.api, test, "T");
		this.name = "consumer-" + ExchangeFixtures.suffix(test);
	}

	@Test
	void aTargetAddedThroughTheApiReceivesWithoutRestartAndStopsWhenDeleted() throws Exception {
		ResponseEntity<JsonNode> created = add(Map.of("name", this.name, "nameZh", "冠县税务局数据接收接口", "kind", "HTTP",
				"url", consumer.baseUrl() + "/api/receive", "resources", List.of(this.code)));
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody().path("masked").asBoolean()).as("masked unless said otherwise").isTrue();
		assertThat(created.getBody().path("timeoutMs").asInt()).isEqualTo(10000);
		assertThat(this.camel.getRoute(PushRoutes.routeId(this.name))).isNotNull();

		assertThat(ExchangeFixtures.done(ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-接口.csv",
				this.code))).isTrue();
		JsonNode records = new ObjectMapper().readTree(consumer.getAllServeEvents().stream()
			.filter(e -> this.code.equals(e.getRequest().getHeader(HttpTarget.RESOURCE_HEADER))).findFirst().orElseThrow()
			.getRequest().getBody());
		assertThat(records).hasSize(18);
		assertThat(records.get(0).path("jyzxm").path("string").asText()).isEqualTo("张**");
		assertThat(this.api.get("/api/exchange/targets/" + this.name).path("url").asText()).endsWith("/api/receive");

		assertThat(this.http.exchange("/api/exchange/targets/{name}", HttpMethod.DELETE, null, JsonNode.class, this.name)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.camel.getRoute(PushRoutes.routeId(this.name))).isNull();
		assertThat(ExchangeFixtures.done(ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-删除后.csv",
				this.code))).isTrue();
		consumer.verify(1, postRequestedFor(urlPathEqualTo("/api/receive")).withHeader(HttpTarget.RESOURCE_HEADER,
				equalTo(this.code)));
		assertThat(this.http.getForEntity("/api/exchange/targets/{name}", JsonNode.class, this.name).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aFileTargetWritesMaskedAvroToItsOwnOutboxFolder() throws Exception {
		assertThat(add(Map.of("name", this.name, "nameZh", "县大数据中心前置库", "kind", "FILE", "resources", List.of(this.code)))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-前置库.csv", this.code);

		Path folder = this.properties.outbox().resolve(this.name).resolve(this.code);
		try (Stream<Path> files = Files.list(folder)) {
			Path file = files.filter(f -> f.toString().endsWith(".avro")).findFirst().orElseThrow();
			try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
				GenericRecord first = reader.next();
				assertThat(first.get("jyzxm").toString()).isEqualTo("张**");
				assertThat(first.get("jycs").toString()).startsWith("山东省聊城市冠县").doesNotContain("振兴路10号");
			}
		}
	}

	@Test
	void aFileTargetsRouteRetriesAFailedWriteAndTheFileWaitsInTheInboxUntilItIsWritten() throws Exception {
		assertThat(add(Map.of("name", this.name, "nameZh", "县大数据中心前置库", "kind", "FILE", "resources", List.of(this.code)))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(this.camel.getRoute(PushRoutes.routeId(this.name))).isNotNull();
		Path folder = this.properties.outbox().resolve(this.name).resolve(this.code);
		Files.createDirectories(folder.getParent());
		Files.writeString(folder, "前置库磁盘故障");
		RedeliveryCount retries = new RedeliveryCount(PushRoutes.routeId(this.name));
		this.camel.getManagementStrategy().addEventNotifier(retries);
		ServiceHelper.startService(retries);
		try {
			Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-前置库故障.csv", this.code);

			assertThat(retries.count()).as("attempts after the first").isEqualTo(4);
			assertThat(dropped).as("kept for a later poll").exists();
			Files.delete(folder);
			await().atMost(Duration.ofSeconds(60)).until(() -> ExchangeFixtures.done(dropped));
		}
		finally {
			this.camel.getManagementStrategy().removeEventNotifier(retries);
		}
		try (Stream<Path> files = Files.list(folder)) {
			Path file = files.filter(f -> f.toString().endsWith(".avro")).findFirst().orElseThrow();
			try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
				assertThat((Iterable<GenericRecord>) reader).hasSize(18);
			}
		}
		assertThat(HubClient.hits(this.api.get("/api/exchange/runs", "resourceCode", this.code)))
			.filteredOn(run -> run.path("target").asText().equals(this.name))
			.extracting(run -> run.path("status").asText() + " " + run.path("recordsOut").asLong())
			.containsExactlyInAnyOrder("FAILED 0", "SUCCEEDED 18");
	}

	@Test
	void aTargetLimitedToAGrantsFieldsReceivesOnlyThoseMasked() throws Exception {
		assertThat(add(Map.of("name", this.name, "nameZh", "冠县税务局（授权数据项）", "kind", "FILE", "resources", List.of(this.code),
				"fields", List.of("tyshxydm", "ztmc", "jyzxm"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);

		ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-授权.csv", this.code);

		Path folder = this.properties.outbox().resolve(this.name).resolve(this.code);
		try (Stream<Path> files = Files.list(folder)) {
			Path file = files.filter(f -> f.toString().endsWith(".avro")).findFirst().orElseThrow();
			try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
				assertThat(reader.getSchema().getFields()).extracting(f -> f.name()).containsExactly("tyshxydm", "ztmc", "jyzxm");
				GenericRecord first = reader.next();
				assertThat(first.get("ztmc").toString()).isEqualTo("冠县清泉便民超市");
				assertThat(first.get("jyzxm").toString()).isEqualTo("张**");
			}
		}
		assertThat(new Outbox(this.properties).records(this.code).get(0).getSchema().getField("jycs"))
			.as("the hub's own outbox keeps every item").isNotNull();
	}

	@Test
	void fieldsAreItemsOfTheResourcesTheTargetNames() {
		ResponseEntity<JsonNode> noResources = add(Map.of("name", this.name, "nameZh", "冠县税务局", "kind", "FILE",
				"fields", List.of("tyshxydm")));
		ResponseEntity<JsonNode> unknownItem = add(Map.of("name", this.name, "nameZh", "冠县税务局", "kind", "FILE",
				"resources", List.of(this.code), "fields", List.of("tyshxydm", "nsrsbh")));

		assertThat(noResources.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(noResources.getBody().path("errors").findValuesAsText("field")).containsExactly("fields");
		assertThat(unknownItem.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(unknownItem.getBody().path("errors").findValuesAsText("message")).containsExactly(
				"resource " + this.code + " has no item nsrsbh");
	}

	@Test
	void definitionsThatCannotWorkAreRefusedNamingTheField() {
		ResponseEntity<JsonNode> unknownKind = add(Map.of("name", this.name, "nameZh", "前置机", "kind", "SFTP"));
		assertThat(unknownKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownKind.getBody().path("errors").findValuesAsText("field")).containsExactly("kind");

		ResponseEntity<JsonNode> badUrl = add(Map.of("name", this.name, "kind", "HTTP", "url", "ftp//省平台/接收",
				"timeoutMs", 5, "resources", List.of("371525-XXX-9999")));
		assertThat(badUrl.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(badUrl.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(badUrl.getBody().path("errors").findValuesAsText("field"))
			.containsExactlyInAnyOrder("nameZh", "url", "timeoutMs", "resources[0]");
		assertThat(badUrl.getBody().path("errors").findValuesAsText("messageZh")).allMatch(m -> !m.isBlank());

		ResponseEntity<JsonNode> noKind = add(Map.of("name", "大写Name", "nameZh", "前置机"));
		assertThat(noKind.getBody().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "kind");

		assertThat(add(Map.of("name", "city-platform", "nameZh", "市平台", "kind", "FILE")).getStatusCode())
			.as("a platform's name").isEqualTo(HttpStatus.CONFLICT);
		Map<String, Object> good = Map.of("name", this.name, "nameZh", "前置机", "kind", "FILE", "resources", List.of(this.code));
		assertThat(add(good).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<JsonNode> twice = add(good);
		assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(twice.getBody().path("errors").findValuesAsText("field")).containsExactly("name");

		assertThat(this.http.exchange("/api/exchange/targets/file-outbox", HttpMethod.DELETE, null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(this.http.exchange("/api/exchange/targets/no-such-target", HttpMethod.DELETE, null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.http.exchange("/api/exchange/targets/{name}", HttpMethod.DELETE, null, JsonNode.class, this.name)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private ResponseEntity<JsonNode> add(Map<String, Object> target) {
		return this.http.postForEntity("/api/exchange/targets", target, JsonNode.class);
	}

	/** Counts the redeliveries of one route's exchanges. */
	private static final class RedeliveryCount extends EventNotifierSupport {

		private final String routeId;

		private final AtomicInteger count = new AtomicInteger();

		RedeliveryCount(String routeId) {
			this.routeId = routeId;
		}

		@Override
		public void notify(CamelEvent event) {
			if (event instanceof ExchangeRedeliveryEvent redelivery
					&& this.routeId.equals(redelivery.getExchange().getFromRouteId())) {
				this.count.incrementAndGet();
			}
		}

		int count() {
			return this.count.get();
		}

	}

}
