package cn.datahub.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.HubTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Attachments as an operator manages them: refused at creation when they could not work, routed in the running
 * CamelContext as soon as they are created and gone from it when deleted, listed with their health.
 */
@HubTest
class AttachmentLifecycleIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private CamelContext camel;

	private AttachmentFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AttachmentFixture(this.http);
	}

	@Test
	void anAttachmentGetsItsRouteAtOnceAndLosesItWhenDeleted() {
		String code = this.fixture.publish("371525-SCJ-0301", "PUBLISHED");
		long id = this.fixture.attached(Map.of("resourceCode", code, "kind", "HTTP", "http",
				Map.of("url", "http://127.0.0.1:9/api/gtgsh")));
		assertThat(this.camel.getRoute("attachment-" + id)).isNotNull();
		assertThat(this.camel.getRouteController().getRouteStatus("attachment-" + id).isStarted()).isTrue();

		JsonNode listed = this.fixture.api().get("/api/exchange/attachments", "resourceCode", code);
		assertThat(listed.findValuesAsText("id")).containsExactly(String.valueOf(id));
		JsonNode unreachable = this.fixture.awaitHealth(id, h -> h.path("consecutiveFailures").asInt() >= 1);
		assertThat(unreachable.path("lastError").asText()).contains("127.0.0.1:9");
		assertThat(unreachable.path("lastFailure").isTextual()).isTrue();

		ResponseEntity<JsonNode> deleted = this.http.exchange("/api/exchange/attachments/{id}", HttpMethod.DELETE, null,
				JsonNode.class, id);
		assertThat(deleted.getStatusCode().value()).isEqualTo(204);
		assertThat(this.camel.getRoute("attachment-" + id)).isNull();
		assertThat(this.fixture.api().getResponse("/api/exchange/attachments/" + id).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aFileDroppedInAnAttachedFolderGoesToTheResourceAndThenToDone() throws Exception {
		String code = this.fixture.publish("371525-SCJ-0305", "PUBLISHED");
		Path folder = Files.createDirectories(Path.of("target/test-data/scj-exports-" + System.nanoTime()).toAbsolutePath());
		long id = this.fixture.attached(Map.of("resourceCode", code, "kind", "FILE", "file", Map.of("path", folder.toString())));

		Path aside = Files.copy(FileDropIntegrationTests.SAMPLE, folder.resolve(".个体工商户-导出.csv"));
		Path dropped = Files.move(aside, folder.resolve("个体工商户-导出.csv"));

		JsonNode run = this.fixture.awaitRun(code, r -> r.path("source").asText().equals("file:个体工商户-导出.csv"));
		assertThat(run.path("recordsIn").asLong()).isEqualTo(20);
		assertThat(run.path("rejected").asLong()).isEqualTo(2);
		await().atMost(AttachmentFixture.PATIENCE).until(() -> Files.exists(folder.resolve("done").resolve(dropped.getFileName())));
		assertThat(this.camel.getRoute("attachment-" + id)).isNotNull();
	}

	@Test
	void aResourceThatIsNotPublishedCannotBeAttached() {
		String draft = this.fixture.publish("371525-SCJ-0302", "DRAFT");

		assertRefused(Map.of("resourceCode", draft, "kind", "HTTP", "http", Map.of("url", "http://10.1.2.3/api")),
				"resourceCode");
		assertRefused(Map.of("resourceCode", "371525-XXX-9999", "kind", "HTTP", "http", Map.of("url", "http://10.1.2.3/api")),
				"resourceCode");
	}

	@Test
	void definitionsThatCouldNotWorkAreRefusedNamingTheField() {
		String code = this.fixture.publish("371525-SCJ-0303", "PUBLISHED");

		assertRefused(Map.of("resourceCode", code, "kind", "FTP"), "kind");
		assertRefused(Map.of("resourceCode", code, "kind", "HTTP"), "http");
		assertRefused(Map.of("resourceCode", code, "kind", "HTTP", "http", Map.of("url", "10.1.2.3/api gtgsh")), "http.url");
		assertRefused(Map.of("resourceCode", code, "kind", "HTTP", "http",
				Map.of("url", "http://10.1.2.3/api", "format", "XML", "watermarkParameter", "updatedSince")),
				"http.format", "http.watermarkField");
		assertRefused(Map.of("resourceCode", code, "kind", "JDBC", "jdbc",
				Map.of("datasource", "rsj-archive", "table", "gtgsh_djxx")), "jdbc.datasource", "jdbc.incrementalColumn");
		assertRefused(Map.of("resourceCode", code, "kind", "JDBC", "jdbc",
				Map.of("datasource", "scj-registry", "table", "no_such_table", "incrementalColumn", "gxsj")), "jdbc.table");
		assertRefused(Map.of("resourceCode", code, "kind", "FILE", "file", Map.of("path", "relative/drop")), "file.path");
		assertThat(this.fixture.api().get("/api/exchange/attachments", "resourceCode", code)).isEmpty();
	}

	@Test
	void anUnknownFieldIsABadRequest() {
		String code = this.fixture.publish("371525-SCJ-0304", "PUBLISHED");
		assertBadRequest(Map.of("resourceCode", code, "kind", "HTTP", "http", Map.of("uri", "http://10.1.2.3/api")),
				"http.uri");
		// key items are named no more (V17): a client still sending them is told so, not silently ignored
		assertBadRequest(Map.of("resourceCode", code, "kind", "HTTP", "keyItems", List.of("tyshxydm"), "http",
				Map.of("url", "http://10.1.2.3/api")), "keyItems");
		assertThat(this.fixture.api().get("/api/exchange/attachments", "resourceCode", code)).isEmpty();
	}

	/** A 400 naming the one field the hub does not know. */
	private void assertBadRequest(Map<String, Object> form, String field) {
		ResponseEntity<JsonNode> refused = this.fixture.attach(form);
		assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
		assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly(field);
	}

	private void assertRefused(Map<String, Object> form, String... fields) {
		ResponseEntity<JsonNode> refused = this.fixture.attach(form);
		assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(422);
		assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
	}

}
