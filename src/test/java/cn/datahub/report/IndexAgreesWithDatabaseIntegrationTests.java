package cn.datahub.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The index's aggregations and a recount in the database agree exactly, row for row, on the sample county
 * catalogue (49 departments in four regions, 354 resources over every domain and share type): every metric, every
 * grouping, and the scopes an auditor asks for.
 */
@HubTest(properties = { "hub.demo-data=true", "hub.test.context=sample-catalogue" })
class IndexAgreesWithDatabaseIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	private HubClient api;

	@BeforeEach
	void awaitIndex() {
		this.api = new HubClient(this.http);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				report("sharing", "index").path("total")).isEqualTo(report("sharing", "database").path("total")));
	}

	static Stream<Arguments> reports() {
		List<String[]> scopes = List.of(new String[] {}, new String[] { "regionCode", "371500" },
				new String[] { "regionCode", "371525" }, new String[] { "regionCode", "371500", "includeSubregions", "false" },
				new String[] { "level", "COUNTY" }, new String[] { "domain", "HEALTH" },
				new String[] { "domain", "NONE", "regionCode", "371525" });
		List<Arguments> reports = new ArrayList<>();
		for (String metric : List.of("sharing", "openness", "coverage")) {
			for (String groupBy : List.of("department", "region", "level", "domain")) {
				if (metric.equals("coverage") && groupBy.equals("domain")) {
					continue;
				}
				for (String[] scope : scopes) {
					String[] parameters = Stream.concat(Stream.of("groupBy", groupBy), Stream.of(scope)).toArray(String[]::new);
					reports.add(Arguments.of(metric, parameters));
				}
			}
		}
		return reports.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("reports")
	void indexAndRecountGiveTheSameRows(String metric, String[] parameters) {
		JsonNode index = report(metric, "index", parameters);
		JsonNode database = report(metric, "database", parameters);

		assertThat(index.path("source").asText()).isEqualTo("index");
		assertThat(database.path("source").asText()).isEqualTo("database");
		((ObjectNode) index).remove("source");
		((ObjectNode) database).remove("source");
		assertThat(index).isEqualTo(database);
	}

	@Test
	void theSampleCatalogueIsWorthComparing() {
		JsonNode sharing = report("sharing", "index", "groupBy", "department");
		assertThat(sharing.path("total").path("denominator").asLong()).isGreaterThan(300);
		assertThat(sharing.path("total").path("numerator").asLong()).isBetween(1L,
				sharing.path("total").path("denominator").asLong() - 1);
		assertThat(sharing.path("rows").size()).isGreaterThan(30);
		assertThat(report("coverage", "index").path("total").path("numerator").asLong()).isGreaterThan(10);
	}

	private JsonNode report(String metric, String source, String... parameters) {
		String[] all = Stream.concat(Stream.of(parameters), Stream.of("source", source)).toArray(String[]::new);
		return this.api.get("/api/reports/" + metric, all);
	}

}
