package cn.datahub.catalogue;

import java.util.List;
import java.util.Map;

import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DRAFT → PUBLISHED → RETIRED, through the publish and retire endpoints and through PUT, with the dated history
 * every change leaves.
 */
@HubTest
class ResourceLifecycleIntegrationTests extends LicenceTests {

	@Test
	void createsDraftWhenNoStatusIsGiven() {
		Reply created = this.api.post(this.licences, "/api/resources");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("status")).isEqualTo("DRAFT");
		assertThat(created.json().path("version").asInt()).isEqualTo(1);
		assertThat(changes()).containsExactly("CREATED");
	}

	@Test
	void createsPublishedResourceWhenAskedTo() {
		this.licences.put("status", "PUBLISHED");

		assertThat(this.api.post(this.licences, "/api/resources").text("status")).isEqualTo("PUBLISHED");
		assertThat(changes()).containsExactly("CREATED");
		assertThat(this.api.history(this.code).get(0).path("resource").path("status").asText()).isEqualTo("PUBLISHED");
	}

	@Test
	void refusesToCreateRetiredResource() {
		this.licences.put("status", "RETIRED");

		this.api.post(this.licences, "/api/resources").isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "status");

		this.api.get("/api/resources/{code}", this.code).isProblem(HttpStatus.NOT_FOUND);
		this.api.get("/api/resources/{code}/history", this.code).isProblem(HttpStatus.NOT_FOUND);
	}

	@Test
	void publishesDraftThroughThePublishEndpoint() {
		this.api.create(this.licences);

		Reply published = this.api.post(Map.of(), "/api/resources/{code}/publish", this.code);

		assertThat(published.status()).isEqualTo(200);
		assertThat(published.text("status")).isEqualTo("PUBLISHED");
		assertThat(published.json().path("version").asInt()).isEqualTo(2);
		assertThat(this.api.get("/api/resources/{code}", this.code).text("status")).isEqualTo("PUBLISHED");
		assertThat(changes()).containsExactly("CREATED", "PUBLISHED");
	}

	@Test
	void publishesDraftThroughPutWithStatus() {
		this.api.create(this.licences);
		this.licences.put("status", "PUBLISHED");

		assertThat(this.api.put(this.licences, "/api/resources/{code}", this.code).text("status")).isEqualTo("PUBLISHED");

		assertThat(changes()).containsExactly("CREATED", "PUBLISHED");
	}

	@Test
	void refusesToReturnPublishedResourceToDraft() {
		this.licences.put("status", "PUBLISHED");
		this.api.create(this.licences);
		this.licences.put("status", "DRAFT");
		this.licences.put("name", "企业营业执照信息（草稿）");

		this.api.put(this.licences, "/api/resources/{code}", this.code).isProblem(HttpStatus.CONFLICT, "status");

		Reply stored = this.api.get("/api/resources/{code}", this.code);
		assertThat(stored.text("status")).isEqualTo("PUBLISHED");
		assertThat(stored.text("name")).isEqualTo("企业营业执照信息");
		assertThat(changes()).containsExactly("CREATED");
	}

	@Test
	void refusesToRetireDraft() {
		this.api.create(this.licences);

		this.api.post(Map.of(), "/api/resources/{code}/retire", this.code).isProblem(HttpStatus.CONFLICT, "status");
		this.licences.put("status", "RETIRED");
		this.api.put(this.licences, "/api/resources/{code}", this.code).isProblem(HttpStatus.CONFLICT, "status");

		assertThat(this.api.get("/api/resources/{code}", this.code).text("status")).isEqualTo("DRAFT");
		assertThat(changes()).containsExactly("CREATED");
	}

	@Test
	void retiresPublishedResource() {
		this.licences.put("status", "PUBLISHED");
		this.api.create(this.licences);

		Reply retired = this.api.post(Map.of(), "/api/resources/{code}/retire", this.code);

		assertThat(retired.status()).isEqualTo(200);
		assertThat(retired.text("status")).isEqualTo("RETIRED");
		assertThat(changes()).containsExactly("CREATED", "RETIRED");
	}

	@Test
	void keepsRetiredResourceAsItWas() {
		this.licences.put("status", "PUBLISHED");
		this.api.create(this.licences);
		this.api.post(Map.of(), "/api/resources/{code}/retire", this.code);
		Reply before = this.api.get("/api/resources/{code}", this.code);

		this.licences.put("status", "RETIRED");
		this.licences.put("summary", "停用后修改的摘要");
		this.api.put(this.licences, "/api/resources/{code}", this.code).isProblem(HttpStatus.CONFLICT, "status");
		this.licences.put("status", "PUBLISHED");
		this.api.put(this.licences, "/api/resources/{code}", this.code).isProblem(HttpStatus.CONFLICT, "status");
		this.api.post(Map.of(), "/api/resources/{code}/publish", this.code).isProblem(HttpStatus.CONFLICT, "status");
		this.api.delete("/api/resources/{code}", this.code).isProblem(HttpStatus.CONFLICT, "status");

		assertThat(this.api.get("/api/resources/{code}", this.code).json()).isEqualTo(before.json());
		assertThat(changes()).containsExactly("CREATED", "RETIRED");
	}

	@Test
	void deletesDraftAndItsHistory() {
		this.api.create(this.licences);

		Reply deleted = this.api.delete("/api/resources/{code}", this.code);

		assertThat(deleted.status()).isEqualTo(204);
		assertNothingStored();
		this.api.delete("/api/resources/{code}", this.code).isProblem(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusesToDeletePublishedResource() {
		this.licences.put("status", "PUBLISHED");
		this.api.create(this.licences);

		this.api.delete("/api/resources/{code}", this.code).isProblem(HttpStatus.CONFLICT, "status");

		assertThat(this.api.get("/api/resources/{code}", this.code).text("status")).isEqualTo("PUBLISHED");
		assertThat(changes()).containsExactly("CREATED");
	}

	@Test
	void answersNotFoundForChangesToAnUnknownResource() {
		this.api.put(this.licences, "/api/resources/{code}", this.code).isProblem(HttpStatus.NOT_FOUND);
		this.api.post(Map.of(), "/api/resources/{code}/publish", this.code).isProblem(HttpStatus.NOT_FOUND);
		this.api.post(Map.of(), "/api/resources/{code}/retire", this.code).isProblem(HttpStatus.NOT_FOUND);

		this.api.get("/api/resources/{code}", this.code).isProblem(HttpStatus.NOT_FOUND);
	}

	private List<String> changes() {
		return this.api.changes(this.code);
	}

}
