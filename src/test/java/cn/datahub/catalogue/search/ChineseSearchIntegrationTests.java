package cn.datahub.catalogue.search;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static cn.datahub.testing.HubClient.codes;
import static cn.datahub.testing.HubClient.hits;
import static cn.datahub.catalogue.search.CatalogueFixture.PHRASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free-text search in Chinese through the real index, whose standard analyzer splits Chinese into single
 * characters: a query must match as a phrase, and a name match outranks one in items or summary.
 */
@SearchFixtureContext
class ChineseSearchIntegrationTests {

	@Autowired
	private HubClient api;

	@Test
	void findsEveryResourceMentioningThePhraseInNameItemsOrSummaryAndNoOther() {
		JsonNode result = this.api.search("q", PHRASE, "size", "100");

		List<String> expected = CatalogueFixture.codes(r -> CatalogueFixture.mentions(r, PHRASE));
		assertThat(expected).hasSize(9);
		assertThat(codes(result)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(result.path("total").asLong()).isEqualTo(expected.size());
	}

	@Test
	void ranksNameMatchesBeforeItemAndSummaryMatches() {
		JsonNode result = this.api.search("q", PHRASE, "size", "100");
		List<String> found = codes(result);

		List<String> inName = CatalogueFixture.codes(r -> CatalogueFixture.nameContains(r, PHRASE));
		assertThat(inName).hasSize(3);
		assertThat(found.subList(0, inName.size())).containsExactlyInAnyOrderElementsOf(inName);
		assertThat(found.subList(inName.size(), found.size())).doesNotContainAnyElementsOf(inName);
		assertThat(hits(result)).extracting(hit -> hit.path("score").asDouble())
			.allSatisfy(score -> assertThat(score).isPositive())
			.isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void highlightsThePhraseWhereverItMatched() {
		for (JsonNode hit : hits(this.api.search("q", PHRASE, "size", "100"))) {
			ResourceForm resource = CatalogueFixture.resources(r -> r.code().equals(hit.path("code").asText())).get(0);
			String field = resource.name().contains(PHRASE) ? "name"
					: resource.summary().contains(PHRASE) ? "summary" : "items.title";
			assertThat(hit.path("highlights").path(field).toString()).as(resource.code())
				.contains("<em>" + PHRASE + "</em>");
		}
	}

	@Test
	void doesNotMatchCharactersThatOccurOnlyApart() {
		assertThat(this.api.search("q", "执营").path("total").asLong()).isZero();
		// 娱乐场所经营许可信息 holds 营业 and 执照, but not side by side.
		assertThat(codes(this.api.search("q", PHRASE, "size", "100"))).doesNotContain("371525-SP-0002");
		assertThat(codes(this.api.search("q", "营业许可"))).containsExactly("371525-SP-0002");
	}

	@Test
	void findsTheResourceItsCodeNamesFirst() {
		// 个体工商户年度报告信息 cites 371525-SCJG-0001 in its summary, so it matches too, but second.
		List<String> found = codes(this.api.search("q", "371525-SCJG-0001"));

		assertThat(found).containsExactly("371525-SCJG-0001", "371525-SCJG-0004");
	}

	@Test
	void findsResourcesByAnAsciiItemName() {
		JsonNode result = this.api.search("q", "tyshxydm", "size", "100");

		List<String> expected = CatalogueFixture.codes(r -> CatalogueFixture.hasItemNamed(r, "tyshxydm"));
		assertThat(expected).hasSizeGreaterThan(10);
		assertThat(codes(result)).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void findsAResourceByTheTitleOfOneOfItsItems() {
		List<String> found = codes(this.api.search("q", "出生医学证明编号"));

		assertThat(found).containsExactly("371525-WJ-0001");
	}

}
