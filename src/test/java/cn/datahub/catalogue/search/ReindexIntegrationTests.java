package cn.datahub.catalogue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.HubClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.datahub.testing.HubClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's reindex builds a new index from the database and swaps the alias to it; searches answer the
 * same before and after, and the old index is gone.
 */
@SearchFixtureContext
class ReindexIntegrationTests {

	private static final List<String> QUERIES = List.of("size=100", "q=营业执照&size=100", "shareType=有条件共享&regionCode=371500",
			"q=tyshxydm&status=PUBLISHED&size=100", "q=371525-SCJG-0001");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private HubClient api;

	@Autowired
	private ElasticsearchClient client;

	@Autowired
	private CatalogueIndex index;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void rebuildsEveryResourceIntoANewIndexBehindTheAlias() throws IOException {
		Set<String> before = aliasedIndices();
		assertThat(before).hasSize(1);

		ResponseEntity<JsonNode> response = this.http.postForEntity("/api/admin/reindex", null, JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		String rebuilt = response.getBody().path("index").asText();
		long resources = this.jdbc.queryForObject("select count(*) from resource", Long.class);
		assertThat(response.getBody().path("documents").asLong()).isEqualTo(resources).isEqualTo(CatalogueFixture.RESOURCES.size());
		assertThat(rebuilt).startsWith(this.index.alias() + "-").isNotIn(before);
		assertThat(aliasedIndices()).containsExactly(rebuilt);
		assertThat(this.client.indices().exists(e -> e.index(before.iterator().next())).value()).isFalse();
		assertThat(this.client.count(c -> c.index(this.index.alias())).count()).isEqualTo(resources);
	}

	@Test
	void answersTheSameSearchesAfterAReindex() {
		List<JsonNode> before = QUERIES.stream().map(this.api::searchFor).toList();

		assertThat(this.http.postForEntity("/api/admin/reindex", null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

		for (int i = 0; i < QUERIES.size(); i++) {
			JsonNode after = this.api.searchFor(QUERIES.get(i));
			assertThat(after.path("total")).as(QUERIES.get(i)).isEqualTo(before.get(i).path("total"));
			assertThat(after.path("facets")).as(QUERIES.get(i)).isEqualTo(before.get(i).path("facets"));
			assertThat(codes(after)).as(QUERIES.get(i)).containsExactlyElementsOf(codes(before.get(i)));
		}
	}

	@Test
	void pagesNeitherRepeatNorSkipAHitWhenAReindexSwapsTheIndexBetweenPages() {
		// Every resource with an item named tyshxydm scores alike: only a tie-breaker keeps their order in a new index.
		List<String> expected = CatalogueFixture.codes(r -> CatalogueFixture.hasItemNamed(r, "tyshxydm"));
		List<String> paged = new ArrayList<>(page("tyshxydm", 0));
		paged.addAll(page("tyshxydm", 1));

		assertThat(this.http.postForEntity("/api/admin/reindex", null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		for (int page = 2; page * 4 < expected.size(); page++) {
			paged.addAll(page("tyshxydm", page));
		}

		assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
	}

	private List<String> page(String q, int page) {
		return codes(this.api.search("q", q, "page", String.valueOf(page), "size", "4"));
	}

	private Set<String> aliasedIndices() throws IOException {
		return this.client.indices().getAlias(g -> g.name(this.index.alias())).result().keySet();
	}

}
