package cn.datahub.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import cn.datahub.testing.TestAccounts;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A department system pushing its records to the hub (a PUSH attachment, the real-time interface of 冠县市场监管's
 * registration system): JSON, JSON lines and CSV bodies are delivered and answered with their counts and the
 * records refused; a body that is not records is refused whole; a batch a target did not confirm is answered 503
 * and, sent again (as its sender does until the target is back), reaches every target exactly once.
 */
@HubTest
class AttachmentPushIntegrationTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final WireMockServer platform = new WireMockServer(options().dynamicPort());

	static {
		platform.start();
	}

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ExchangeProperties properties;

	private AttachmentFixture fixture;

	private String code;

	private long id;

	@AfterAll
	static void stopPlatform() {
		platform.stop();
	}

	@BeforeEach
	void attachAPushSource(TestInfo test) {
		this.fixture = new AttachmentFixture(this.http);
		this.code = this.fixture.publish("371525-SCJ-0103-" + ExchangeFixtures.suffix(test), "PUBLISHED");
		this.id = this.fixture.attached(Map.of("resourceCode", this.code, "kind", "PUSH"));
	}

	@Test
	void aPushedBatchIsDeliveredAndAnsweredWithItsCountsAndTheRecordsRefused() throws Exception {
		Map<String, Object> bad = AttachmentFixture.business(42, "冠县柳林镇福满园饭店", "孙丽娟", "2026-11-23T09:00:00");
		bad.put("tyshxydm", "92371525MA7P9XXXX0");
		String body = this.json.writeValueAsString(List.of(
				AttachmentFixture.business(41, "冠县清泉便民超市", "张建国", "2026-11-23T08:15:00"), bad,
				AttachmentFixture.business(43, "冠县崇文街道鸿运理发店", "刘桂兰", "2026-11-23T09:30:00")));

		ResponseEntity<JsonNode> answer = push("application/json", body, null);

		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
		JsonNode receipt = answer.getBody();
		assertThat(receipt.path("received").asLong()).isEqualTo(3);
		assertThat(receipt.path("rejected").asLong()).isEqualTo(1);
		assertThat(receipt.path("delivered").path(ExchangeTargets.FILE_OUTBOX).asLong()).isEqualTo(2);
		JsonNode refused = receipt.path("rejections").get(0);
		assertThat(refused.path("line").asLong()).as("the second element of the array").isEqualTo(2);
		assertThat(refused.path("field").asText()).isEqualTo("tyshxydm");
		assertThat(this.fixture.api().get("/api/exchange/dead-letters/" + refused.path("deadLetterId").asLong())
			.path("raw").asText()).contains("冠县柳林镇福满园饭店");
		assertThat(names()).containsExactlyInAnyOrder("冠县清泉便民超市", "冠县崇文街道鸿运理发店");
		JsonNode health = this.fixture.attachment(this.id).path("health");
		assertThat(health.path("lastSuccess").isMissingNode() || health.path("lastSuccess").isNull()).isFalse();
		assertThat(health.path("consecutiveFailures").asInt()).isZero();
	}

	@Test
	void jsonLinesAndCsvWithChineseTitlesArePushedLikeTheirFiles() throws Exception {
		String lines = this.json.writeValueAsString(AttachmentFixture.business(51, "冠县店子镇惠民农资门市", "赵志强", "2026-11-23T08:00:00"))
				+ "\n\n" + this.json.writeValueAsString(AttachmentFixture.business(52, "冠县北馆陶镇兴隆建材经营部", "周永福", "2026-11-23T08:05:00"))
				+ "\n";
		String csv = "\uFEFF统一社会信用代码,市场主体名称,经营者姓名,经营场所,成立日期,登记状态\n" + AttachmentFixture.uscc(53)
				+ ",冠县斜店乡红星养殖场,郑国庆,冠县斜店乡斜店村,2019-07-01,存续\n";

		assertThat(push("application/x-ndjson", lines, null).getBody().path("delivered").path(ExchangeTargets.FILE_OUTBOX)
			.asLong()).isEqualTo(2);
		assertThat(push("text/csv", csv, null).getBody().path("delivered").path(ExchangeTargets.FILE_OUTBOX).asLong())
			.isEqualTo(1);

		assertThat(names()).containsExactlyInAnyOrder("冠县店子镇惠民农资门市", "冠县北馆陶镇兴隆建材经营部", "冠县斜店乡红星养殖场");
	}

	@Test
	void aBodyThatIsNotRecordsIsRefusedWholeAndNothingIsTakenIn() throws Exception {
		String broken = "[" + this.json.writeValueAsString(AttachmentFixture.business(61, "冠县甘官屯乡福源粮油店", "冯建华", "2026-11-23T08:00:00"))
				+ ", {\"ztmc\": \"冠县兰沃乡永兴农机维修部\"";

		ResponseEntity<JsonNode> unreadable = push("application/json", broken, null);
		ResponseEntity<JsonNode> notAnArray = push("application/json", "{\"ztmc\": \"冠县兰沃乡永兴农机维修部\"}", null);
		ResponseEntity<JsonNode> plainText = push("text/plain", "冠县兰沃乡永兴农机维修部", null);

		assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unreadable.getBody().path("errors").get(0).path("field").asText()).isEqualTo("body");
		assertThat(unreadable.getBody().path("detail").asText()).contains("invalid JSON").contains("nothing was taken in");
		assertThat(notAnArray.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(notAnArray.getBody().path("detail").asText()).contains("no array of records");
		assertThat(plainText.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(this.fixture.runs(this.code)).isEmpty();
		assertThat(new Outbox(this.properties).records(this.code)).isEmpty();
	}

	@Test
	void aBatchATargetDidNotConfirmIsAnswered503AndSentAgainReachesEveryTargetOnce() throws Exception {
		String path = "/platform/push-" + this.id;
		platform.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503).withBody("系统维护中")));
		addTarget(path);
		String body = this.json.writeValueAsString(List.of(
				AttachmentFixture.business(71, "冠县清水镇康宁大药房", "吴春梅", "2026-11-23T10:00:00"),
				AttachmentFixture.business(72, "冠县烟庄街道鑫源小吃部", "王海涛", "2026-11-23T10:01:00")));

		ResponseEntity<JsonNode> down = push("application/json", body, "gx-scj-20261123-0001");

		assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(down.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
		assertThat(down.getBody().path("detail").asText()).contains("gx-scj-20261123-0001").contains("nothing is lost");
		assertThat(this.fixture.attachment(this.id).path("health").path("consecutiveFailures").asInt()).isEqualTo(1);

		platform.stubFor(post(urlPathEqualTo(path)).willReturn(ok()));
		ResponseEntity<JsonNode> again = await().atMost(AttachmentFixture.PATIENCE).pollInterval(Duration.ofSeconds(1))
			.until(() -> push("application/json", body, "gx-scj-20261123-0001"),
					answer -> answer.getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE);

		assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().path("delivered").path(ExchangeTargets.FILE_OUTBOX).asLong())
			.as("the outbox confirmed them the first time").isZero();
		assertThat(again.getBody().path("delivered").path(target()).asLong()).isEqualTo(2);
		assertThat(ExchangeFixtures.confirmed(platform, path)).extracting(r -> r.path("ztmc").path("string").asText())
			.containsExactlyInAnyOrder("冠县清水镇康宁大药房", "冠县烟庄街道鑫源小吃部");
		assertThat(names()).containsExactlyInAnyOrder("冠县清水镇康宁大药房", "冠县烟庄街道鑫源小吃部");
	}

	@Test
	void onlyPushAttachmentsTakePushesAndABatchIdIsChecked(@TempDir Path folder) throws Exception {
		long fileAttachment = this.fixture.attached(Map.of("resourceCode", this.code, "kind", "FILE", "file",
				Map.of("path", folder.toAbsolutePath().toString())));
		String body = this.json.writeValueAsString(List.of(AttachmentFixture.business(81, "冠县清泉便民超市", "张建国", "2026-11-23T08:15:00")));

		assertThat(push(fileAttachment, "application/json", body, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(push(999_999, "application/json", body, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<JsonNode> badBatch = push("application/json", body, "2026/11/23");
		assertThat(badBatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badBatch.getBody().path("errors").get(0).path("field").asText()).isEqualTo("X-Batch-Id");
		assertThat(new Outbox(this.properties).records(this.code)).isEmpty();
	}

	private ResponseEntity<JsonNode> push(String contentType, String body, String batchId) throws Exception {
		return push(this.id, contentType, body, batchId);
	}

	/**
	 * Posts with the JDK's client, which (unlike TestRestTemplate's Apache client, which resends a POST answered
	 * 503) sends each batch exactly once, as the test says.
	 */
	private ResponseEntity<JsonNode> push(long attachment, String contentType, String body, String batchId)
			throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.http.getRootUri() + "/api/exchange/attachments/" + attachment + "/records"))
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.header(HttpHeaders.AUTHORIZATION, TestAccounts.basic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (batchId != null) {
			request.header("X-Batch-Id", batchId);
		}
		HttpResponse<String> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		HttpHeaders headers = new HttpHeaders();
		answer.headers().map().forEach(headers::addAll);
		return new ResponseEntity<>(answer.body().isEmpty() ? null : this.json.readTree(answer.body()), headers,
				answer.statusCode());
	}

	private List<String> names() throws Exception {
		return new Outbox(this.properties).records(this.code).stream().map(r -> r.get("ztmc").toString()).toList();
	}

	private String target() {
		return "push-platform-" + this.id;
	}

	private void addTarget(String path) {
		var created = this.http.postForEntity("/api/exchange/targets", Map.of("name", target(), "nameZh", "聊城市测试平台",
				"kind", "HTTP", "url", platform.baseUrl() + path, "timeoutMs", 2000, "resources", List.of(this.code)),
				JsonNode.class);
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
	}

}
