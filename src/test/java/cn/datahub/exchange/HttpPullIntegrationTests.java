package cn.datahub.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import cn.datahub.testing.HubTest;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department system's API (冠县市场监管's registration system, played by WireMock) attached to a real-time
 * resource: pages read and delivered to the file outbox, only what changed since the watermark asked for next,
 * CSV as well as JSON, and faults that fail a poll without moving the watermark until a later poll succeeds.
 */
@HubTest
class HttpPullIntegrationTests {

	@RegisterExtension
	static final WireMockExtension DEPARTMENT = OutsideSystems.wireMock();

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ExchangeProperties properties;

	private AttachmentFixture fixture;

	private String code;

	private String path;

	@BeforeEach
	void publishTheResource(TestInfo test) {
		this.fixture = new AttachmentFixture(this.http);
		String suffix = String.valueOf(Math.abs(test.getDisplayName().hashCode() % 100000));
		this.code = this.fixture.publish("371525-SCJ-0102-" + suffix, "PUBLISHED");
		this.path = "/api/gtgsh/" + suffix;
	}

	@Test
	void pagesAreReadAndTheNextPollAsksOnlyForWhatChangedSinceTheWatermark() throws Exception {
		stubPage(1, null, page(AttachmentFixture.business(1, "冠县清泉便民超市", "张建国", "2026-11-20T08:15:00"),
				AttachmentFixture.business(2, "冠县东古城镇利民五金店", "李秀英", "2026-11-20T09:30:00")));
		stubPage(2, null, page(AttachmentFixture.business(3, "冠县烟庄街道鑫源小吃部", "王海涛", "2026-11-20T09:05:00")));
		stubPage(1, "2026-11-20T09:30:00", page(AttachmentFixture.business(4, "冠县崇文街道鸿运理发店", "刘桂兰", "2026-11-20T10:45:00")));
		stubNothingNewSince("2026-11-20T10:45:00");

		long id = this.fixture.attached(pagedJson());

		JsonNode health = this.fixture.awaitHealth(id, h -> "2026-11-20T10:45:00".equals(h.path("watermark").asText()));
		JsonNode first = this.fixture.awaitRun(this.code, r -> r.path("source").asText().equals("http:attachment-" + id));
		assertThat(first.path("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(first.path("recordsIn").asLong()).as("two pages").isEqualTo(3);
		JsonNode second = this.fixture.awaitRun(this.code,
				r -> r.path("source").asText().equals("http:attachment-" + id + " since 2026-11-20T09:30:00"));
		assertThat(second.path("recordsIn").asLong()).as("only the new record").isEqualTo(1);
		assertThat(second.path("recordsOut").asLong()).isEqualTo(1);
		DEPARTMENT.verify(getRequestedFor(urlPathEqualTo(this.path)).withQueryParam("updatedSince", equalTo("2026-11-20T09:30:00"))
			.withQueryParam("page", equalTo("1")).withQueryParam("size", equalTo("2")));
		assertThat(health.path("consecutiveFailures").asInt()).isZero();
		assertThat(health.path("lagSeconds").asLong()).isBetween(0L, 30L);

		List<GenericRecord> records = new Outbox(this.properties).records(this.code);
		assertThat(records).extracting(r -> r.get("ztmc").toString()).containsExactlyInAnyOrder("冠县清泉便民超市",
				"冠县东古城镇利民五金店", "冠县烟庄街道鑫源小吃部", "冠县崇文街道鸿运理发店");
	}

	@Test
	void aCsvApiIsReadWithItsBadRowDeadLettered() {
		String csv = "\uFEFF统一社会信用代码,市场主体名称,经营者姓名,经营场所,成立日期,登记状态\n"
				+ AttachmentFixture.uscc(11) + ",冠县店子镇惠民农资门市,赵志强,冠县店子镇店子村,2018-03-12,存续\n"
				+ "92371525MA7P9XXXX0,冠县柳林镇福满园饭店,孙丽娟,冠县柳林镇柳林村,2019-07-01,存续\n"
				+ AttachmentFixture.uscc(12) + ",冠县北馆陶镇兴隆建材经营部,周永福,冠县北馆陶镇北馆陶村,2020-05-20,注销\n";
		DEPARTMENT.stubFor(get(urlPathEqualTo(this.path)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/csv; charset=utf-8").withBody(csv)));

		long id = this.fixture.attached(Map.of("resourceCode", this.code, "kind", "HTTP", "http",
				Map.of("url", DEPARTMENT.baseUrl() + this.path, "format", "CSV")));

		JsonNode run = this.fixture.awaitRun(this.code, r -> r.path("source").asText().equals("http:attachment-" + id));
		assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(run.path("recordsIn").asLong()).isEqualTo(3);
		assertThat(run.path("recordsOut").asLong()).isEqualTo(2);
		assertThat(run.path("rejected").asLong()).isEqualTo(1);
		JsonNode letter = this.fixture.api().get("/api/exchange/dead-letters", "resourceCode", this.code).path("items").get(0);
		assertThat(letter.path("field").asText()).isEqualTo("tyshxydm");
		assertThat(letter.path("raw").asText()).contains("冠县柳林镇福满园饭店");
	}

	@Test
	void aServerErrorFailsThePollAndKeepsTheWatermarkUntilALaterPollSucceeds() throws Exception {
		stubPage(1, null, page(AttachmentFixture.business(21, "冠县清水镇康宁大药房", "吴春梅", "2026-11-21T08:00:00")));
		long id = this.fixture.attached(pagedJson());
		this.fixture.awaitHealth(id, h -> "2026-11-21T08:00:00".equals(h.path("watermark").asText()));

		stubSince("2026-11-21T08:00:00", aResponse().withStatus(500).withBody("数据库连接池耗尽"));
		JsonNode failing = this.fixture.awaitHealth(id, h -> h.path("consecutiveFailures").asInt() >= 2);
		assertThat(failing.path("watermark").asText()).isEqualTo("2026-11-21T08:00:00");
		assertThat(failing.path("lastError").asText()).contains("answered 500");
		JsonNode failed = this.fixture.awaitRun(this.code, r -> r.path("status").asText().equals("FAILED"));
		assertThat(failed.path("error").asText()).contains("answered 500");

		stubSince("2026-11-21T08:00:00", okJson(page(AttachmentFixture.business(22, "冠县斜店乡红星养殖场", "郑国庆", "2026-11-21T09:10:00"))));
		stubNothingNewSince("2026-11-21T09:10:00");
		JsonNode recovered = this.fixture.awaitHealth(id, h -> "2026-11-21T09:10:00".equals(h.path("watermark").asText()));
		assertThat(recovered.path("consecutiveFailures").asInt()).isZero();
		assertThat(new Outbox(this.properties).records(this.code)).hasSize(2);
	}

	@Test
	void anAnswerPastTheTimeoutFailsThePollUntilTheApiIsQuickAgain() {
		stubPage(1, null, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody(page(AttachmentFixture.business(31, "冠县甘官屯乡福源粮油店", "冯建华", "2026-11-22T08:00:00"))).withFixedDelay(3000));
		faultThenRecovery("timed out");
	}

	@Test
	void invalidJsonFailsThePollUntilTheApiAnswersProperly() {
		stubPage(1, null, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody("{\"code\":0,\"data\":{\"list\":[{\"tyshxydm\":"));
		faultThenRecovery("invalid JSON");
	}

	/** The attachment's polls fail with {@code reason}, the watermark stays unset; then the API answers well. */
	private void faultThenRecovery(String reason) {
		long id = this.fixture.attached(pagedJson());
		JsonNode failing = this.fixture.awaitHealth(id, h -> h.path("consecutiveFailures").asInt() >= 1);
		assertThat(failing.path("lastError").asText()).contains(reason);
		assertThat(failing.path("watermark").isMissingNode() || failing.path("watermark").isNull()).isTrue();
		assertThat(failing.path("lastSuccess").isMissingNode()).isTrue();
		assertThat(this.fixture.awaitRun(this.code, r -> r.path("status").asText().equals("FAILED")).path("error").asText())
			.contains(reason);

		stubPage(1, null, page(AttachmentFixture.business(32, "冠县兰沃乡永兴农机维修部", "陈立军", "2026-11-22T11:20:00")));
		stubNothingNewSince("2026-11-22T11:20:00");
		JsonNode recovered = this.fixture.awaitHealth(id, h -> "2026-11-22T11:20:00".equals(h.path("watermark").asText()));
		assertThat(recovered.path("consecutiveFailures").asInt()).isZero();
		assertThat(recovered.path("lastError").asText()).as("the last error stays for the operator").contains(reason);
	}

	private Map<String, Object> pagedJson() {
		Map<String, Object> http = new LinkedHashMap<>();
		http.put("url", DEPARTMENT.baseUrl() + this.path);
		http.put("recordsPath", "/data/list");
		http.put("pageParameter", "page");
		http.put("sizeParameter", "size");
		http.put("pageSize", 2);
		http.put("watermarkParameter", "updatedSince");
		http.put("watermarkField", "gxsj");
		return Map.of("resourceCode", this.code, "kind", "HTTP", "http", http);
	}

	private void stubPage(int number, String since, String body) {
		stubPage(number, since, okJson(body));
	}

	private void stubPage(int number, String since, ResponseDefinitionBuilder response) {
		DEPARTMENT.stubFor(get(urlPathEqualTo(this.path)).atPriority(1).withQueryParam("page", equalTo(String.valueOf(number)))
			.withQueryParam("updatedSince", since == null ? absent() : equalTo(since)).willReturn(response));
	}

	private void stubSince(String since, ResponseDefinitionBuilder response) {
		DEPARTMENT.stubFor(get(urlPathEqualTo(this.path)).atPriority(1).withQueryParam("updatedSince", equalTo(since))
			.willReturn(response));
	}

	private void stubNothingNewSince(String since) {
		stubSince(since, okJson(page()));
	}

	@SafeVarargs
	private static String page(Map<String, Object>... records) {
		try {
			return JSON.writeValueAsString(Map.of("code", 0, "msg", "成功", "data", Map.of("list", List.of(records))));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
