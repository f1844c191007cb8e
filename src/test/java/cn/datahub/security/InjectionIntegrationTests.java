package cn.datahub.security;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.ResourceForms;
import cn.datahub.testing.TestAccounts;
import cn.datahub.testing.Usccs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search and list parameters carrying SQL or Elasticsearch query-DSL are read as the text they are: they find what
 * holds that text (nothing), or are refused as a bad parameter; they never widen a search, reach a draft or break
 * the hub.
 */
@HubTest
class InjectionIntegrationTests {

	private static final String GUANXIAN = "371525";

	@Autowired
	private HubClient hub;

	@Autowired
	private TestAccounts accounts;

	private String consumer;

	@BeforeEach
	void aPublishedAndADraftResource() {
		String police = Usccs.fresh(GUANXIAN);
		this.hub.register(new DepartmentForm(police, "冠县公安局", GUANXIAN, "COUNTY"));
		String suffix = police.substring(10, 17).toLowerCase();
		this.hub.create(ResourceForms.resource("371525-GA-" + suffix, "常住人口基本信息", police, "BASE", "PUBLIC_SAFETY",
				"UNCONDITIONAL", "NOT_OPEN", "REALTIME", "PUBLISHED", null, new DataItem("xm", "姓名", "string", true)));
		this.hub.create(ResourceForms.resource("371525-GB-" + suffix, "重点人员管控信息", police, "DEPARTMENT",
				"PUBLIC_SAFETY", "NOT_SHARED", "NOT_OPEN", "DAILY", null, null, new DataItem("xm", "姓名", "string", true)));
		this.consumer = "wjj-shiyong-" + suffix;
		String health = Usccs.fresh(GUANXIAN);
		this.hub.register(new DepartmentForm(health, "冠县卫生健康局", GUANXIAN, "COUNTY"));
		this.accounts.create(this.consumer, health, null, "CONSUMER");
		await().until(() -> this.hub.search("q", "常住人口基本信息").path("total").asLong() >= 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "' OR '1'='1", "常住人口'; DROP TABLE resource; --", "\"query\": \"match_all\"",
			"*", "status:DRAFT OR name:*", "\" OR \"\"=\"", "重点人员管控信息\") OR (1=1" })
	void freeTextIsOnlyText(String q) {
		ResponseEntity<JsonNode> answer = search("q", q);

		assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isIn(200, 400);
		if (answer.getStatusCode().value() == 200) {
			assertThat(answer.getBody().path("items").findValuesAsText("name")).doesNotContain("重点人员管控信息");
			assertThat(answer.getBody().path("total").asLong()).isZero();
		}
		assertThat(this.hub.search("q", "常住人口基本信息").path("total").asLong()).as("the catalogue is intact")
			.isGreaterThanOrEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "providerCode", "regionCode", "domain", "status", "shareType" })
	void filtersCarryingSqlFindNothingOrAreRefused(String filter) {
		ResponseEntity<JsonNode> answer = search(filter, "x' OR 1=1 --");

		assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isIn(200, 400, 403);
		if (answer.getStatusCode().value() == 200) {
			assertThat(answer.getBody().path("total").asLong()).isZero();
		}
	}

	private ResponseEntity<JsonNode> search(String name, String value) {
		return new HubClient(this.accounts.as(this.consumer)).searchResponse(name, value);
	}

}
