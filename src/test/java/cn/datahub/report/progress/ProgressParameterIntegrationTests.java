package cn.datahub.report.progress;

import java.time.Clock;
import java.time.YearMonth;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A progress report that cannot be made is a 400 problem naming the parameter at fault, in whichever format was
 * asked for, never an empty report.
 */
@HubTest
class ProgressParameterIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private Clock clock;

	private HubClient api;

	@BeforeEach
	void setUp() {
		this.api = new HubClient(this.http);
	}

	@Test
	void futureMonthIsRefused() {
		String next = YearMonth.now(this.clock).plusMonths(1).toString();

		assertNamed(this.api.getResponse("/api/reports/progress", "regionCode", "371525", "month", next), "month");
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({
		"regionCode, 379999",
		"regionCode, ''",
		"month, 2026-13",
		"month, 2026-1",
		"format, pdf",
	})
	void badParameterIsNamed(String parameter, String value) {
		String[] query = parameter.equals("regionCode") ? new String[] { parameter, value, "format", "xlsx" }
				: new String[] { "regionCode", "371525", "format", "csv", parameter, value };

		assertNamed(this.api.getResponse("/api/reports/progress", query), parameter);
	}

	@Test
	void missingRegionIsNamed() {
		assertNamed(this.api.getResponse("/api/reports/progress", "month", "2026-01"), "regionCode");
	}

	private static void assertNamed(ResponseEntity<JsonNode> response, String parameter) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly(parameter);
		assertThat(response.getBody().path("detail").asText()).contains(parameter);
	}

}
