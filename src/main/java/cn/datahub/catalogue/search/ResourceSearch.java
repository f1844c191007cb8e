package cn.datahub.catalogue.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Departments;

import org.springframework.stereotype.Component;

/**
 * Runs catalogue searches. The standard analyzer splits Chinese into single characters, so free text is matched
 * as phrases (营业执照 must appear as those four characters in a row). A match in the name always outranks one
 * in the item titles or the summary; among name matches, BM25 prefers the closer names.
 */
@Component
public class ResourceSearch {

	private static final float NAME_MATCH = 100f;

	private static final float ITEM_MATCH = 10f;

	private static final float SUMMARY_MATCH = 5f;

	private static final float CODE_MATCH = 200f;

	private static final int FACET_SIZE = 100;

	private final ElasticsearchClient client;

	private final CatalogueIndex index;

	private final Departments departments;

	private final FacetLabels labels;

	ResourceSearch(ElasticsearchClient client, CatalogueIndex index, Departments departments, FacetLabels labels) {
		this.client = client;
		this.index = index;
		this.departments = departments;
		this.labels = labels;
	}

	public SearchResult search(SearchQuery query) throws IOException {
		SearchResponse<ResourceDocument> response = this.client.search(s -> {
			s.index(this.index.alias())
				.query(textQuery(query))
				.postFilter(filters(query, null))
				.from(query.page() * query.size())
				.size(query.size())
				.trackTotalHits(t -> t.enabled(true))
				.highlight(h -> h.preTags("<em>").postTags("</em>")
					.fields("name", f -> f.numberOfFragments(0))
					.fields("items.title", f -> f.numberOfFragments(0))
					.fields("summary", f -> f.fragmentSize(120).numberOfFragments(1)));
			if (query.hasText()) {
				s.sort(o -> o.score(c -> c.order(SortOrder.Desc)));
			}
			// Many hits score alike (the tiers are constant scores); without a tie-breaker their order follows the
			// index's internal document order, which a reindex changes, and pages would repeat or skip hits.
			s.sort(o -> o.field(f -> f.field("code").order(SortOrder.Asc)));
			SearchQuery.FACETS.forEach(facet -> s.aggregations(facet, facetAggregation(query, facet)));
			return s;
		}, ResourceDocument.class);
		Map<String, Department> providers = this.departments.findAll().stream()
			.collect(Collectors.toMap(Department::code, Function.identity()));
		Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
		for (String facet : SearchQuery.FACETS) {
			List<StringTermsBucket> buckets = response.aggregations().get(facet).filter().aggregations().get("values")
				.sterms().buckets().array();
			facets.put(facet, buckets.stream()
				.map(b -> new SearchResult.FacetValue(b.key().stringValue(), this.labels.label(facet, b.key().stringValue(), providers),
						b.docCount()))
				.toList());
		}
		return new SearchResult(response.hits().total().value(), query.page(), query.size(),
				response.hits().hits().stream().map(ResourceSearch::hit).toList(), facets);
	}

	private static Query textQuery(SearchQuery query) {
		if (!query.hasText()) {
			return Query.of(q -> q.matchAll(m -> m));
		}
		String text = query.q().strip();
		return Query.of(q -> q.bool(b -> b
			.should(s -> s.constantScore(c -> c.filter(f -> f.term(t -> t.field("code").value(text))).boost(CODE_MATCH)))
			.should(s -> s.constantScore(c -> c.filter(f -> f.matchPhrase(m -> m.field("name").query(text))).boost(NAME_MATCH)))
			.should(s -> s.matchPhrase(m -> m.field("name").query(text)))
			.should(s -> s.constantScore(c -> c.filter(f -> f.matchPhrase(m -> m.field("items.title").query(text))).boost(ITEM_MATCH)))
			.should(s -> s.constantScore(c -> c.filter(f -> f.term(t -> t.field("items.name").value(text))).boost(ITEM_MATCH)))
			.should(s -> s.constantScore(c -> c.filter(f -> f.matchPhrase(m -> m.field("summary").query(text))).boost(SUMMARY_MATCH)))
			.minimumShouldMatch("1")));
	}

	/** All filters of the query but {@code except}: a facet counts as if its own filter were not set. */
	private static Query filters(SearchQuery query, String except) {
		return Query.of(q -> q.bool(b -> {
			query.filters().forEach((filter, values) -> {
				if (!filter.equals(except)) {
					b.filter(f -> f.terms(t -> t.field(SearchQuery.filterField(filter))
						.terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
				}
			});
			return b;
		}));
	}

	/**
	 * Counts a facet's values on the field its filter reads, so that each count is the total that choosing the
	 * value gives: a region counts every resource below it, as {@code regionCode=371500} selects them.
	 */
	private static Aggregation facetAggregation(SearchQuery query, String facet) {
		return Aggregation.of(a -> a.filter(filters(query, facet))
			.aggregations("values", v -> v.terms(t -> t.field(SearchQuery.filterField(facet)).size(FACET_SIZE))));
	}

	private static SearchResult.Hit hit(Hit<ResourceDocument> hit) {
		return new SearchResult.Hit(hit.source(), hit.score(), hit.highlight().isEmpty() ? null : hit.highlight());
	}

}
