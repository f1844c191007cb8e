package cn.datahub.catalogue.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.system.ElasticsearchTestNode;
import cn.datahub.system.ManagedElasticsearchNode;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.ResourceForms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static cn.datahub.testing.HubClient.hits;
import static cn.datahub.testing.ResourceForms.withName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * H2 is the truth and Elasticsearch is derived from it: with the node down, catalogue writes still succeed and
 * wait in the index outbox; once the node is back, the relay's timer carries them over, a few per batch here.
 * Stops the run's shared node, and always starts it again.
 */
@HubTest(properties = "hub.index-relay.batch-size=2")
@DirtiesContext
class IndexOutboxCatchUpIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private HubClient api;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void registerDepartments() {
		CatalogueFixture.registerDepartments(this.api);
	}

	@Test
	void reportsHealthUpWithDatabaseAndElasticsearch() {
		ResponseEntity<JsonNode> health = this.http.getForEntity("/actuator/health", JsonNode.class);

		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
		assertThat(health.getBody().at("/components/db/status").asText()).isEqualTo("UP");
		assertThat(health.getBody().at("/components/elasticsearch/status").asText()).isEqualTo("UP");
	}

	@Test
	void carriesChangesMadeWhileElasticsearchWasDownOnceItIsBack() {
		ResourceForm population = resource("371521-GA-0101", "暂住人口登记信息");
		this.api.create(population);
		ManagedElasticsearchNode node = ElasticsearchTestNode.node();
		node.stop();
		try {
			assertHealthDown();
			assertSearchUnavailable();
			ResourceForm household = resource("371521-GA-0102", "户口登记信息");
			this.api.update(withName(population, "暂住人口居住登记信息"));
			this.api.create(household);
			this.api.update(withName(household, "户籍登记信息"));
			this.api.create(resource("371521-GA-0103", "身份证遗失补领信息"));
			this.api.publish("371521-GA-0103");
			this.api.create(resource("371521-GA-0104", "出入境证件签发信息"));

			assertThat(outbox()).containsExactlyInAnyOrder("371521-GA-0101", "371521-GA-0102", "371521-GA-0102",
					"371521-GA-0103", "371521-GA-0103", "371521-GA-0104");
			assertThat(this.http.getForObject("/api/resources/371521-GA-0102", JsonNode.class).path("name").asText())
				.isEqualTo("户籍登记信息");
		}
		finally {
			node.start();
		}

		Map<String, String> latest = Map.of("371521-GA-0101", "暂住人口居住登记信息 DRAFT", "371521-GA-0102", "户籍登记信息 DRAFT",
				"371521-GA-0103", "身份证遗失补领信息 PUBLISHED", "371521-GA-0104", "出入境证件签发信息 DRAFT");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			latest.forEach((code, nameAndStatus) -> {
				List<JsonNode> hits = hits(this.api.search("q", code));
				assertThat(hits).as(code).isNotEmpty();
				assertThat(hits.get(0).path("name").asText() + " " + hits.get(0).path("status").asText()).isEqualTo(nameAndStatus);
			});
			assertThat(outbox()).isEmpty();
		});
		await().atMost(Duration.ofSeconds(60)).untilAsserted(this::reportsHealthUpWithDatabaseAndElasticsearch);
	}

	private void assertHealthDown() {
		ResponseEntity<JsonNode> health = this.http.getForEntity("/actuator/health", JsonNode.class);

		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(health.getBody().path("status").asText()).isEqualTo("DOWN");
		assertThat(health.getBody().at("/components/elasticsearch/status").asText()).isEqualTo("DOWN");
		assertThat(health.getBody().at("/components/db/status").asText()).isEqualTo("UP");
	}

	private void assertSearchUnavailable() {
		ResponseEntity<JsonNode> search = this.http.getForEntity("/api/resources/search?q=371521-GA-0101", JsonNode.class);

		assertThat(search.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(search.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(search.getBody().path("title").asText()).isEqualTo("Search unavailable");
	}

	private List<String> outbox() {
		return this.jdbc.queryForList("select resource_code from index_outbox order by id", String.class);
	}

	private static ResourceForm resource(String code, String name) {
		return ResourceForms.resource(code, name, CatalogueFixture.YG_GA.code(), "DEPARTMENT", "PUBLIC_SAFETY", "CONDITIONAL",
				"NOT_OPEN", "DAILY", "DRAFT", "阳谷县公安局户政管理业务数据", new DataItem("gmsfhm", "公民身份号码", "string", true));
	}

}
