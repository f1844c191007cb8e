package cn.datahub.report;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad report parameters are answered 400 with a problem body naming the parameter, never a 500 or an empty report.
 */
@HubTest
class ReportParameterIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	private HubClient api;

	@BeforeEach
	void setUp() {
		this.api = new HubClient(this.http);
	}

	@ParameterizedTest(name = "{0}?{1}={2}")
	@CsvSource({
		"/api/reports/sharing, groupBy, county",
		"/api/reports/sharing, regionCode, 379999",
		"/api/reports/openness, level, TOWNSHIP",
		"/api/reports/sharing, domain, 教育",
		"/api/reports/sharing, asOf, 2021-13-01",
		"/api/reports/sharing, asOf, 2099-12-31",
		"/api/reports/sharing, providerCode, 11371525MB0000000X",
		"/api/reports/sharing, includeSubregions, sometimes",
		"/api/reports/sharing, source, cache",
		"/api/reports/coverage, groupBy, domain",
		"/api/reports/sharing/resources, part, most",
		"/api/reports/sharing/resources, size, 100000",
		"/api/reports/trend, metric, speed",
		"/api/reports/trend, from, 2021-6",
	})
	void badParameterIsNamed(String path, String parameter, String value) {
		String[] query = path.equals("/api/reports/trend") && !parameter.equals("regionCode")
				? new String[] { "regionCode", "371525", parameter, value } : new String[] { parameter, value };

		ResponseEntity<JsonNode> response = this.api.getResponse(path, query);

		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly(parameter);
		assertThat(response.getBody().path("detail").asText()).contains(parameter);
	}

	@ParameterizedTest
	@CsvSource({ "/api/reports/speed", "/api/reports/speed/resources" })
	void unknownMetricIsNamed(String path) {
		ResponseEntity<JsonNode> response = this.api.getResponse(path);

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly("metric");
	}

}
