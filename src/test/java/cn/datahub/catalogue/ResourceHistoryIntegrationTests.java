package cn.datahub.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static cn.datahub.catalogue.CatalogueFixtures.freshResourceCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dated history of a resource: one entry per committed change, holding the resource as it stood, and none for
 * a request that changed nothing or was refused.
 */
@HubTest
class ResourceHistoryIntegrationTests extends LicenceTests {

	@Test
	void recordsEveryChangeAsADatedHistoryEntryWithTheResourceAsItStood() {
		Instant start = Instant.now().minusSeconds(5);
		this.api.create(this.licences);
		this.licences.put("shareType", "CONDITIONAL");
		this.licences.put("shareCondition", "仅限市场监管和税务部门用于事中事后监管");
		assertThat(this.api.put(this.licences, "/api/resources/{code}", this.code).status()).isEqualTo(200);
		this.api.post(Map.of(), "/api/resources/{code}/publish", this.code);
		this.licences.put("status", "PUBLISHED");
		this.licences.put("updateCycle", "REALTIME");
		assertThat(this.api.put(this.licences, "/api/resources/{code}", this.code).status()).isEqualTo(200);
		this.api.post(Map.of(), "/api/resources/{code}/retire", this.code);

		List<JsonNode> history = this.api.history(this.code);

		assertThat(history).extracting(e -> e.path("version").asInt()).containsExactly(1, 2, 3, 4, 5);
		assertThat(changes()).containsExactly("CREATED", "UPDATED", "PUBLISHED", "UPDATED", "RETIRED");
		assertThat(history).extracting(e -> e.path("resource").path("shareType").asText())
			.containsExactly("UNCONDITIONAL", "CONDITIONAL", "CONDITIONAL", "CONDITIONAL", "CONDITIONAL");
		assertThat(history).extracting(e -> e.path("resource").path("shareCondition").asText(null))
			.containsExactly(null, "仅限市场监管和税务部门用于事中事后监管", "仅限市场监管和税务部门用于事中事后监管",
					"仅限市场监管和税务部门用于事中事后监管", "仅限市场监管和税务部门用于事中事后监管");
		assertThat(history).extracting(e -> e.path("resource").path("status").asText())
			.containsExactly("DRAFT", "DRAFT", "PUBLISHED", "PUBLISHED", "RETIRED");
		assertThat(history).extracting(e -> e.path("resource").path("updateCycle").asText())
			.containsExactly("DAILY", "DAILY", "DAILY", "REALTIME", "REALTIME");
		assertThat(history).extracting(e -> e.path("resource").path("version").asInt()).containsExactly(1, 2, 3, 4, 5);
		List<Instant> dates = history.stream().map(e -> Instant.parse(e.path("changedAt").asText())).toList();
		assertThat(dates).isSorted().allSatisfy(at -> assertThat(at).isBetween(start, Instant.now().plusSeconds(5)));
		assertThat(this.api.get("/api/resources/{code}", this.code).json().path("version").asInt()).isEqualTo(5);
	}

	@Test
	void unchangedPutAddsNoHistoryEntry() {
		Reply created = this.api.post(this.licences, "/api/resources");
		this.licences.put("name", "  企业营业执照信息 ");
		this.licences.put("status", "DRAFT");

		Reply same = this.api.put(this.licences, "/api/resources/{code}", this.code);

		assertThat(same.status()).isEqualTo(200);
		assertThat(same.json()).isEqualTo(created.json());
		assertThat(changes()).containsExactly("CREATED");
	}

	@Test
	void publishingAPublishedResourceAddsNoHistoryEntry() {
		this.licences.put("status", "PUBLISHED");
		this.api.create(this.licences);

		assertThat(this.api.post(Map.of(), "/api/resources/{code}/publish", this.code).status()).isEqualTo(200);

		assertThat(changes()).containsExactly("CREATED");
	}

	@Test
	void refusesPutWhoseBodyNamesAnotherCode() {
		this.api.create(this.licences);
		String other = freshResourceCode("GX-SCJG");
		this.licences.put("code", other);
		this.licences.put("name", "企业年报信息");

		this.api.put(this.licences, "/api/resources/{code}", this.code).isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "code");

		assertThat(this.api.get("/api/resources/{code}", this.code).text("name")).isEqualTo("企业营业执照信息");
		this.api.get("/api/resources/{code}", other).isProblem(HttpStatus.NOT_FOUND);
		assertThat(changes()).containsExactly("CREATED");
	}

	@Test
	void refusedPutLeavesResourceAndHistoryUnchanged() {
		Reply created = this.api.post(this.licences, "/api/resources");
		this.licences.put("shareType", "NOT_SHARED");

		this.api.put(this.licences, "/api/resources/{code}", this.code)
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "notSharedBasis", "openType");

		assertThat(this.api.get("/api/resources/{code}", this.code).json()).isEqualTo(created.json());
		assertThat(changes()).containsExactly("CREATED");
	}

	private List<String> changes() {
		return this.api.changes(this.code);
	}

}
