package cn.datahub.access;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.testing.CatalogueApi;
import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.MutableClock;
import cn.datahub.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A department's webhook (冠县公安局's, in the test settings) is told of each change to its requests after the
 * change is committed: a call its server refuses is tried again later, and the request never waits for it.
 */
@AccessHubTest
class DepartmentWebhookIntegrationTests {

	private static final String GUANXIAN_POLICE = "11371525MB50724411";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aRefusedWebhookCallIsTriedAgainLaterWhileTheSubmissionHasLongBeenAnswered() throws Exception {
		WireMockServer police = AccessHubTest.Webhook.SERVER;
		police.resetAll();
		police.stubFor(post(urlPathEqualTo("/notices/gaj")).inScenario("down first").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
		police.stubFor(post(urlPathEqualTo("/notices/gaj")).inScenario("down first").whenScenarioStateIs("back")
			.willReturn(ok()));
		this.clock.set(LocalDateTime.of(2025, 11, 3, 9, 0));
		HubClient admin = new HubClient(this.http);
		AccessFixture data = new AccessFixture(admin);
		if (!admin.departmentExists(GUANXIAN_POLICE)) {
			admin.register(new DepartmentForm(GUANXIAN_POLICE, "冠县公安局", "371525", "COUNTY"));
			this.accounts.create("gaj-webhook", GUANXIAN_POLICE, null, "CONSUMER");
		}

		Reply submitted = new CatalogueApi(this.accounts.as("gaj-webhook")).post(Map.of("resourceCode", data.records,
				"consumerCode", GUANXIAN_POLICE, "purpose", "核查涉案人员健康状况", "fields", List.of("dabh", "mbbs"),
				"validUntil", "2026-03-31"), "/api/access-requests");
		assertThat(submitted.status()).as("%s", submitted.json()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> police.verify(1, postRequestedFor(urlPathEqualTo("/notices/gaj"))));
		// The failure is recorded a moment after the server answered; only then does the pause start.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc.queryForObject("select max(attempts) from "
				+ "access_webhook where department_code = ?", Integer.class, GUANXIAN_POLICE) == 1);
		this.clock.set(LocalDateTime.of(2025, 11, 3, 9, 2));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> police.verify(2, postRequestedFor(urlPathEqualTo("/notices/gaj"))));

		JsonNode notice = JSON.readTree(police.getAllServeEvents().get(0).getRequest().getBodyAsString());
		assertThat(notice.path("event").asText()).isEqualTo("SUBMITTED");
		assertThat(notice.path("department").asText()).isEqualTo(GUANXIAN_POLICE);
		assertThat(notice.path("requestId").asLong()).isEqualTo(submitted.json().path("id").asLong());
		assertThat(notice.path("messageZh").asText()).contains(data.records);
		this.clock.set(LocalDateTime.of(2025, 11, 3, 10, 0));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> police.verify(2, postRequestedFor(urlPathEqualTo("/notices/gaj"))));
	}

}
