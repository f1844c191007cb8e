package cn.datahub.access;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.security.Caller;
import cn.datahub.testing.CatalogueApi;
import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.MutableClock;
import cn.datahub.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request workflow over HTTP, each party signed in with an account of its own: what each may do in and out of
 * its scope, problem bodies naming the field, revocation, the inbox, the overdue list and the request report.
 */
@AccessHubTest
class AccessRequestApiIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private MutableClock clock;

	private AccessFixture data;

	@BeforeEach
	void signUpTheParties() {
		this.clock.set(LocalDateTime.of(2025, 9, 26, 20, 30));
		HubClient admin = new HubClient(this.http);
		this.data = new AccessFixture(admin);
		this.data.signUp(admin, this.accounts);
	}

	@Test
	void consumerSubmitsAndTheAnswerCarriesTheStageTheDueDateAndTheDaysLeft() {
		Reply submitted = as(this.data.consumer()).post(form(this.data.records, "2026-03-31", "dabh", "xm"),
				"/api/access-requests");

		assertThat(submitted.status()).as("%s", submitted.json()).isEqualTo(201);
		assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
		assertThat(submitted.text("stage")).isEqualTo("COMPLIANCE");
		assertThat(submitted.text("dueDate")).isEqualTo("2025-09-29");
		assertThat(submitted.json().path("daysLeft").asInt()).isEqualTo(2);
		assertThat(submitted.json().path("overdue").asBoolean()).isFalse();
		assertThat(as(this.data.consumer()).get("/api/access-requests").json()).extracting(r -> r.path("id").asLong())
			.contains(submitted.json().path("id").asLong());
	}

	@Test
	void aRegistrarOfTheConsumerAndAnAdminMayNotSubmit() {
		as(this.data.registrar()).post(form(this.data.records, "2026-03-31", "dabh"), "/api/access-requests")
			.isProblem(HttpStatus.FORBIDDEN);
		new CatalogueApi(this.http).post(form(this.data.records, "2026-03-31", "dabh"), "/api/access-requests")
			.isProblem(HttpStatus.FORBIDDEN);
	}

	@Test
	void badRequestsAreProblemBodiesNamingTheField() {
		CatalogueApi consumer = as(this.data.consumer());
		Reply notShared = consumer.post(form(this.data.infections, "2026-03-31", "dabh"), "/api/access-requests")
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "resourceCode");
		assertThat(notShared.json().path("errors").get(0).path("message").asText()).contains("个人信息保护法");
		consumer.post(form(this.data.records, "2025-09-01", "dabh", "zzmm"), "/api/access-requests")
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "fields[1]", "validUntil");

		Map<String, Object> elsewhere = form(this.data.records, "2026-03-31", "dabh");
		elsewhere.put("deliveryUrl", "ftp://gaj.guanxian.example/incoming");
		consumer.post(elsewhere, "/api/access-requests").isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "deliveryUrl");
		elsewhere.remove("deliveryUrl");
		elsewhere.put("deliveryTarget", "gaj-no-such-target");
		consumer.post(elsewhere, "/api/access-requests").isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "deliveryTarget");

		consumer.post(form(this.data.records, "2026-03-31", "dabh"), "/api/access-requests");
		consumer.post(form(this.data.records, "2026-03-31", "xm"), "/api/access-requests")
			.isProblem(HttpStatus.CONFLICT, "resourceCode");
	}

	@Test
	void providerApprovesAndRevokesWithAReasonAndTheConsumerIsToldOfEach() {
		long id = as(this.data.consumer()).post(form(this.data.gaotangRecords, "2026-03-31", "dabh", "xm", "mbbs"),
				"/api/access-requests").json().path("id").asLong();
		as(this.data.approver()).post(Map.of(), "/api/access-requests/{id}/approve", id).isProblem(HttpStatus.FORBIDDEN);

		Reply approved = as(this.data.gaotangApprover()).post(Map.of("fields", List.of("dabh", "mbbs"), "masked", false),
				"/api/access-requests/{id}/approve", id);
		assertThat(approved.status()).as("%s", approved.json()).isEqualTo(200);
		JsonNode grant = approved.json().path("grant");
		assertThat(grant.path("masked").asBoolean()).isFalse();
		assertThat(grant.path("targetName").asText()).isEqualTo("grant-" + grant.path("id").asLong());
		Reply target = new CatalogueApi(this.http).get("/api/exchange/targets/{name}", grant.path("targetName").asText());
		assertThat(target.json().path("fields")).extracting(JsonNode::asText).containsExactly("dabh", "mbbs");
		assertThat(target.json().path("resources")).extracting(JsonNode::asText).containsExactly(this.data.gaotangRecords);

		long grantId = grant.path("id").asLong();
		as(this.data.consumer()).post(Map.of("reason", "不再需要"), "/api/grants/{id}/revoke", grantId)
			.isProblem(HttpStatus.FORBIDDEN);
		as(this.data.gaotangApprover()).post(Map.of(), "/api/grants/{id}/revoke", grantId)
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "reason");
		Reply revoked = as(this.data.gaotangApprover()).post(Map.of("reason", "案件已办结，停止共享"), "/api/grants/{id}/revoke",
				grantId);
		assertThat(revoked.text("status")).as("%s", revoked.json()).isEqualTo("REVOKED");
		assertThat(revoked.json().path("grant").path("revokedReason").asText()).isEqualTo("案件已办结，停止共享");
		new CatalogueApi(this.http).get("/api/exchange/targets/{name}", grant.path("targetName").asText())
			.isProblem(HttpStatus.NOT_FOUND);

		Reply inbox = as(this.data.consumer()).get("/api/notifications");
		assertThat(inbox.json()).extracting(n -> n.path("event").asText()).containsExactly("REVOKED", "APPROVED", "SUBMITTED");
		assertThat(inbox.json().get(0).path("messageZh").asText()).contains("案件已办结，停止共享");
		long newest = inbox.json().get(0).path("id").asLong();
		assertThat(as(this.data.consumer()).post(Map.of(), "/api/notifications/{id}/read", newest).status()).isEqualTo(204);
		assertThat(as(this.data.consumer()).get("/api/notifications?unread=true").json())
			.extracting(n -> n.path("id").asLong()).doesNotContain(newest).hasSize(2);
		as(this.data.approver()).post(Map.of(), "/api/notifications/{id}/read", newest).isProblem(HttpStatus.NOT_FOUND);

		assertThat(trail("access-request:" + id)).containsExactly(
				"access-request.revoke " + this.data.gaotangApprover().username(),
				"access-request.approve " + this.data.gaotangApprover().username(),
				"access-request.submit " + this.data.consumer().username());
		assertThat(trail("grant:" + grantId)).containsExactly("grant.revoke " + this.data.gaotangApprover().username(),
				"grant.create " + this.data.gaotangApprover().username());
	}

	@Test
	void aGrantWithADeliveryUrlIsPushedThereOverHttp() {
		Map<String, Object> form = form(this.data.clinics, "2026-03-31", "dabh", "xm");
		form.put("deliveryUrl", "https://gaj.guanxian.example/datahub/receive");
		JsonNode grant = as(this.data.consumer()).post(form, "/api/access-requests").json().path("grant");

		Reply target = new CatalogueApi(this.http).get("/api/exchange/targets/{name}", grant.path("targetName").asText());
		assertThat(target.text("kind")).isEqualTo("HTTP");
		assertThat(target.text("url")).isEqualTo("https://gaj.guanxian.example/datahub/receive");
		assertThat(target.json().path("masked").asBoolean()).isTrue();
	}

	@Test
	void grantsExpireAfterTheirLastDayAndTheirTargetIsRemoved() {
		JsonNode granted = as(this.data.consumer()).post(form(this.data.clinics, "2025-10-31", "dabh", "xm"),
				"/api/access-requests").json();
		String target = granted.path("grant").path("targetName").asText();
		assertThat(granted.path("grant").path("status").asText()).isEqualTo("ACTIVE");

		this.clock.set(LocalDateTime.of(2025, 10, 31, 23, 0));
		assertThat(as(this.data.consumer()).get("/api/grants").json().get(0).path("status").asText()).isEqualTo("ACTIVE");

		this.clock.set(LocalDateTime.of(2025, 11, 1, 8, 0));
		JsonNode grants = as(this.data.consumer()).get("/api/grants").json();
		assertThat(grants.get(0).path("status").asText()).isEqualTo("EXPIRED");
		assertThat(as(this.data.consumer()).get("/api/access-requests/{id}", granted.path("id").asLong()).text("status"))
			.isEqualTo("EXPIRED");
		new CatalogueApi(this.http).get("/api/exchange/targets/{name}", target).isProblem(HttpStatus.NOT_FOUND);
		assertThat(trail("grant:" + granted.path("grant").path("id").asLong())).as("the hub's doing, not the reader's")
			.first().isEqualTo("grant.expire system");
	}

	/** The audit trail of a subject as the city's auditor reads it, newest first: action and actor. */
	private List<String> trail(String subject) {
		Reply trail = as(this.data.auditor("371500")).get("/api/audit?subject={subject}", subject);
		assertThat(trail.status()).as("%s", trail.json()).isEqualTo(200);
		List<String> entries = new java.util.ArrayList<>();
		trail.json().path("items").forEach(e -> entries.add(e.path("action").asText() + " " + e.path("actor").asText()));
		return entries;
	}

	@Test
	void overdueRequestsAreListedForTheRegionsAuditorsAndCountedInTheRequestReport() {
		long late = submit(this.data.gaotangRecords, "dabh");
		long approved = submit(this.data.clinics, "dabh");
		this.clock.set(LocalDateTime.of(2025, 10, 17, 9, 0));

		Reply overdue = as(this.data.auditor("371500")).get("/api/access-requests/overdue?regionCode=371526");
		assertThat(overdue.json().path("items")).extracting(r -> r.path("id").asLong()).contains(late);
		as(this.data.auditor("371525")).get("/api/access-requests/overdue?regionCode=371526").isProblem(HttpStatus.FORBIDDEN);
		as(this.data.consumer()).get("/api/access-requests/overdue?regionCode=371526").isProblem(HttpStatus.FORBIDDEN);

		Reply report = as(this.data.auditor("371525")).get("/api/reports/requests?regionCode=371525&groupBy=department");
		JsonNode health = row(report, this.data.health);
		assertThat(health.path("name").asText()).isEqualTo("冠县卫生健康委员会");
		assertThat(health.path("requests").asInt()).isEqualTo(1);
		assertThat(health.path("approved").asInt()).isEqualTo(1);
		assertThat(health.path("satisfaction").decimalValue()).isEqualByComparingTo("1");
		assertThat(health.path("medianDecisionDays").isNull()).as("granted at once, never reviewed").isTrue();
		assertThat(row(as(this.data.auditor("371526")).get("/api/reports/requests?regionCode=371526"), this.data.gaotangHealth)
			.path("overdue").asInt()).isEqualTo(1);
		as(this.data.auditor("371526")).get("/api/reports/requests?regionCode=371525").isProblem(HttpStatus.FORBIDDEN);
		as(this.data.auditor("371525")).get("/api/reports/requests?regionCode=371525&groupBy=level")
			.isProblem(HttpStatus.BAD_REQUEST, "groupBy");
		assertThat(approved).isPositive();
	}

	private long submit(String resourceCode, String... fields) {
		Reply reply = as(this.data.consumer()).post(form(resourceCode, "2026-03-31", fields), "/api/access-requests");
		assertThat(reply.status()).as("%s", reply.json()).isEqualTo(201);
		return reply.json().path("id").asLong();
	}

	private static JsonNode row(Reply report, String key) {
		assertThat(report.status()).as("%s", report.json()).isEqualTo(200);
		for (JsonNode row : report.json().path("rows")) {
			if (row.path("key").asText().equals(key)) {
				return row;
			}
		}
		throw new AssertionError("no row " + key + " in " + report.json());
	}

	private Map<String, Object> form(String resourceCode, String validUntil, String... fields) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("resourceCode", resourceCode);
		form.put("consumerCode", this.data.police);
		form.put("purpose", "核查涉案人员身份，依据《中华人民共和国刑事诉讼法》第五十四条");
		form.put("fields", List.of(fields));
		form.put("validUntil", validUntil);
		return form;
	}

	private CatalogueApi as(Caller caller) {
		return new CatalogueApi(this.accounts.as(caller.username()));
	}

}
