package cn.datahub.catalogue.search;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static cn.datahub.testing.HubClient.codes;
import static cn.datahub.catalogue.search.CatalogueFixture.GX_SCJG;
import static cn.datahub.catalogue.search.CatalogueFixture.LC_WJ;
import static cn.datahub.catalogue.search.CatalogueFixture.YG_RS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Search filters as a catalogue user writes them: codes or Chinese labels, several values comma-separated or
 * repeated (any of them), several filters together (all of them), and a region meaning everything below it.
 */
@SearchFixtureContext
class SearchFilterIntegrationTests {

	@Autowired
	private HubClient api;

	static Stream<Arguments> filters() {
		return Stream.of(
				arguments("domain=HEALTH", is(ResourceForm::domain, "HEALTH")),
				arguments("domain=医疗卫生", is(ResourceForm::domain, "HEALTH")),
				arguments("domain=HEALTH,公共安全", is(ResourceForm::domain, "HEALTH", "PUBLIC_SAFETY")),
				arguments("domain=无", is(ResourceForm::domain, "NONE")),
				arguments("shareType=有条件共享", is(ResourceForm::shareType, "CONDITIONAL")),
				arguments("shareType=UNCONDITIONAL&shareType=不予共享", is(ResourceForm::shareType, "UNCONDITIONAL", "NOT_SHARED")),
				arguments("openType=无条件开放", is(ResourceForm::openType, "UNCONDITIONAL")),
				arguments("openType=CONDITIONAL,NOT_OPEN", is(ResourceForm::openType, "CONDITIONAL", "NOT_OPEN")),
				arguments("providerCode=" + GX_SCJG.code(), is(ResourceForm::providerCode, GX_SCJG.code())),
				arguments("providerCode=" + LC_WJ.code() + "," + YG_RS.code(), is(ResourceForm::providerCode, LC_WJ.code(), YG_RS.code())),
				arguments("updateCycle=每月", is(ResourceForm::updateCycle, "MONTHLY")),
				arguments("updateCycle=DAILY&updateCycle=实时", is(ResourceForm::updateCycle, "DAILY", "REALTIME")),
				arguments("status=已发布", is(ResourceForm::status, "PUBLISHED")),
				arguments("status=DRAFT,已停用", is(ResourceForm::status, "DRAFT", "RETIRED")),
				arguments("category=基础", is(ResourceForm::category, "BASE")),
				arguments("category=THEME&category=部门", is(ResourceForm::category, "THEME", "DEPARTMENT")),
				arguments("regionCode=371500", is(CatalogueFixture::regionOf, "371500", "371521", "371525")),
				arguments("regionCode=370000", is(CatalogueFixture::regionOf, "371500", "371521", "371525")),
				arguments("regionCode=371525", is(CatalogueFixture::regionOf, "371525")),
				arguments("regionCode=371521,371525", is(CatalogueFixture::regionOf, "371521", "371525")),
				arguments("domain=市场监管&regionCode=371525",
						is(ResourceForm::domain, "MARKET_REGULATION").and(is(CatalogueFixture::regionOf, "371525"))),
				arguments("q=营业执照&regionCode=371521&status=PUBLISHED",
						mentioning(CatalogueFixture.PHRASE).and(is(CatalogueFixture::regionOf, "371521"))
							.and(is(ResourceForm::status, "PUBLISHED"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("filters")
	void narrowsToTheResourcesTheFilterSelects(String query, Predicate<ResourceForm> selected) {
		List<String> expected = CatalogueFixture.codes(selected);
		JsonNode result = this.api.searchFor(query + "&size=100");

		assertThat(expected).isNotEmpty();
		assertThat(codes(result)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(result.path("total").asLong()).isEqualTo(expected.size());
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "domain, AGRICULTURE", "domain, 农业", "shareType, SOMETIMES", "shareType, 有条件开放", "openType, 开放",
			"updateCycle, HOURLY", "status, 已删除", "category, 专题", "regionCode, 999999" })
	void refusesAnUnknownFilterValueNamingTheParameter(String parameter, String value) {
		ResponseEntity<JsonNode> response = this.api.searchResponse(parameter, value);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().path("status").asInt()).isEqualTo(400);
		assertThat(response.getBody().path("errors").path(0).path("field").asText()).isEqualTo(parameter);
		assertThat(response.getBody().path("detail").asText()).contains(value);
	}

	private static Predicate<ResourceForm> is(Function<ResourceForm, String> field, String... values) {
		Set<String> allowed = Set.of(values);
		return r -> allowed.contains(field.apply(r));
	}

	private static Predicate<ResourceForm> mentioning(String text) {
		return r -> CatalogueFixture.mentions(r, text);
	}

}
