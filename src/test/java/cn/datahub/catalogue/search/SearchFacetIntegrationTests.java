package cn.datahub.catalogue.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static cn.datahub.testing.HubClient.hits;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facets come with every search, counted over the whole result: a facet's counts ignore its own filter (so a
 * user can add a second value) and honour every other one, and each count is the total that choosing it gives.
 */
@SearchFixtureContext
class SearchFacetIntegrationTests {

	private static final List<String> FACETS = List.of("domain", "shareType", "openType", "providerCode", "updateCycle",
			"status", "category", "regionCode");

	@Autowired
	private HubClient api;

	@Test
	void answersEveryFacetWithTheHits() {
		JsonNode facets = this.api.search("q", "信息").path("facets");

		assertThat(facets.fieldNames()).toIterable().containsExactlyElementsOf(FACETS);
		FACETS.forEach(facet -> assertThat(facets.path(facet)).as(facet).isNotEmpty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "q=营业执照", "q=信息&size=5", "q=许可证" })
	void countsEqualARecountOfTheHits(String query) {
		JsonNode result = this.api.searchFor(query);
		List<JsonNode> all = hits(this.api.searchFor(query.replaceAll("&?size=\\d+", "") + "&size=500"));

		assertThat(all).hasSize(result.path("total").asInt());
		for (String facet : FACETS) {
			Map<String, Long> recount = all.stream().flatMap(hit -> values(hit, facet))
				.collect(Collectors.groupingBy(v -> v, Collectors.counting()));
			assertThat(counts(result, facet)).as(facet).isEqualTo(recount);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "q=营业执照", "shareType=CONDITIONAL&regionCode=371525",
			"q=信息&status=PUBLISHED&domain=HEALTH,PUBLIC_SAFETY", "openType=NOT_OPEN&category=BASE,THEME" })
	void eachCountIsTheTotalThatChoosingItsValueGives(String query) {
		JsonNode result = this.api.searchFor(query);

		for (String facet : FACETS) {
			counts(result, facet).forEach((value, count) -> {
				String chosen = query.replaceAll("(^|&)" + facet + "=[^&]*", "") + "&" + facet + "=" + value;
				assertThat(this.api.searchFor(chosen).path("total").asLong()).as(chosen).isEqualTo(count);
			});
		}
	}

	@Test
	void aFacetIgnoresItsOwnFilterButHonoursTheOthers() {
		JsonNode result = this.api.searchFor("shareType=CONDITIONAL&regionCode=371525");

		Predicate<ResourceForm> inGuanxian = r -> CatalogueFixture.regionOf(r).equals("371525");
		Predicate<ResourceForm> conditional = r -> r.shareType().equals("CONDITIONAL");
		assertThat(result.path("total").asLong()).isEqualTo(count(inGuanxian.and(conditional)));
		assertThat(counts(result, "shareType")).containsOnly(
				Map.entry("CONDITIONAL", count(inGuanxian.and(conditional))),
				Map.entry("UNCONDITIONAL", count(inGuanxian.and(r -> r.shareType().equals("UNCONDITIONAL")))),
				Map.entry("NOT_SHARED", count(inGuanxian.and(r -> r.shareType().equals("NOT_SHARED")))));
		assertThat(counts(result, "regionCode")).contains(
				Map.entry("371521", count(conditional.and(r -> CatalogueFixture.regionOf(r).equals("371521")))),
				Map.entry("371500", count(conditional)));
		assertThat(counts(result, "domain")).containsEntry("HEALTH",
				count(inGuanxian.and(conditional).and(r -> r.domain().equals("HEALTH"))));
	}

	@Test
	void labelsValuesForPeople() {
		JsonNode facets = this.api.search("size", "1").path("facets");

		assertThat(label(facets, "domain", "HEALTH")).isEqualTo("医疗卫生");
		assertThat(label(facets, "domain", "NONE")).isEqualTo("无");
		assertThat(label(facets, "providerCode", CatalogueFixture.GX_SCJG.code())).isEqualTo("冠县市场监督管理局");
		assertThat(label(facets, "providerCode", CatalogueFixture.LC_WJ.code())).isEqualTo("聊城市卫生健康委员会");
		assertThat(label(facets, "shareType", "CONDITIONAL")).isEqualTo("有条件共享");
		assertThat(label(facets, "openType", "NOT_OPEN")).isEqualTo("不予开放");
		assertThat(label(facets, "updateCycle", "QUARTERLY")).isEqualTo("每季度");
		assertThat(label(facets, "status", "RETIRED")).isEqualTo("已停用");
		assertThat(label(facets, "category", "BASE")).isEqualTo("基础");
		assertThat(label(facets, "regionCode", "371525")).isEqualTo("冠县");
	}

	/** The values a hit counts for: a resource counts for its provider's region and every region above it. */
	private static Stream<String> values(JsonNode hit, String facet) {
		JsonNode value = hit.path(facet.equals("regionCode") ? "regionPath" : facet);
		return value.isArray() ? StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
				: Stream.of(value.asText());
	}

	private static Map<String, Long> counts(JsonNode result, String facet) {
		Map<String, Long> counts = new LinkedHashMap<>();
		result.path("facets").path(facet).forEach(v -> counts.put(v.path("value").asText(), v.path("count").asLong()));
		return counts;
	}

	private static String label(JsonNode facets, String facet, String value) {
		return StreamSupport.stream(facets.path(facet).spliterator(), false)
			.filter(v -> v.path("value").asText().equals(value))
			.map(v -> v.path("label").asText())
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + facet + " facet value " + value + " in " + facets.path(facet)));
	}

	private static long count(Predicate<ResourceForm> selected) {
		return CatalogueFixture.resources(selected).size();
	}

}
