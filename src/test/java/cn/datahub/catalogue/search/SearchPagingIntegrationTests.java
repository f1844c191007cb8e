package cn.datahub.catalogue.search;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static cn.datahub.testing.HubClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging through search results: every hit exactly once, in the order of the whole result, with the same total
 * on every page; pages beyond Elasticsearch's 10,000-hit window are refused, not failed.
 */
@SearchFixtureContext
class SearchPagingIntegrationTests {

	@Autowired
	private HubClient api;

	@Test
	void pagesThroughTheWholeCatalogueInCodeOrder() {
		List<String> paged = pageThrough();

		List<String> all = CatalogueFixture.RESOURCES.stream().map(ResourceForm::code).sorted().toList();
		assertThat(paged).containsExactlyElementsOf(all);
	}

	@Test
	void pagesThroughTextHitsInRankOrderWithoutDuplicates() {
		List<String> paged = pageThrough("q", "信息");

		assertThat(paged).doesNotHaveDuplicates().hasSize(CatalogueFixture.RESOURCES.size());
		assertThat(paged).containsExactlyElementsOf(codes(this.api.search("q", "信息", "size", "100")));
	}

	@Test
	void answersAnEmptyPageAfterTheLastHit() {
		JsonNode result = this.api.search("q", "信息", "page", "49", "size", "200");

		assertThat(result.path("total").asLong()).isEqualTo(CatalogueFixture.RESOURCES.size());
		assertThat(result.path("page").asInt()).isEqualTo(49);
		assertThat(result.path("items")).isEmpty();
	}

	@ParameterizedTest(name = "page={0}, size={1}")
	@CsvSource({ "50, 200, page", "500, 20, page", "2147483647, 20, page", "-1, 20, page",
			"0, 0, size", "0, 501, size" })
	void refusesPagesOutsideTheResultWindow(String page, String size, String parameter) {
		ResponseEntity<JsonNode> response = this.api.searchResponse("q", "信息", "page", page, "size", size);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().path("errors").path(0).path("field").asText()).isEqualTo(parameter);
	}

	/** Reads every page of 7 hits, checking that the total holds on each. */
	private List<String> pageThrough(String... query) {
		List<String> codes = new ArrayList<>();
		long total = -1;
		for (int page = 0; total < 0 || (long) page * 7 < total; page++) {
			List<String> parameters = new ArrayList<>(List.of(query));
			parameters.addAll(List.of("page", String.valueOf(page), "size", "7"));
			JsonNode result = this.api.search(parameters.toArray(String[]::new));
			if (total >= 0) {
				assertThat(result.path("total").asLong()).as("total on page %d", page).isEqualTo(total);
			}
			total = result.path("total").asLong();
			assertThat(result.path("items").size()).isLessThanOrEqualTo(7);
			codes.addAll(codes(result));
		}
		return codes;
	}

}
