package cn.datahub.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.search.CatalogueIndex;

import org.springframework.stereotype.Component;

/**
 * Counts a scope's current tallies in the catalogue index: a composite aggregation over the grouping field (paged,
 * so a province's thousands of departments stay within the cluster's bucket limit), each group with filter
 * aggregations for the shared, in-domain and open resources and the open resources' domains.
 */
@Component
class IndexTallies {

	private static final int PAGE = 1000;

	private static final List<FieldValue> OPEN_TYPES = List.of(FieldValue.of("UNCONDITIONAL"), FieldValue.of("CONDITIONAL"));

	private static final Query IN_DOMAINS = Query.of(q -> q.bool(b -> b.mustNot(n -> n.term(t -> t.field("domain")
		.value(ReferenceData.NO_DOMAIN)))));

	private static final Map<String, Aggregation> TALLY = Map.of(
			"shared", Aggregation.of(a -> a.filter(f -> f.terms(t -> t.field("shareType").terms(v -> v.value(OPEN_TYPES))))),
			"inDomains", Aggregation.of(a -> a.filter(IN_DOMAINS)),
			"open", Aggregation.of(a -> a.filter(f -> f.bool(b -> b.filter(IN_DOMAINS)
				.filter(o -> o.terms(t -> t.field("openType").terms(v -> v.value(OPEN_TYPES))))))
				.aggregations("domains", d -> d.terms(t -> t.field("domain").size(Metric.DOMAINS + 1)))));

	private final ElasticsearchClient client;

	private final CatalogueIndex index;

	IndexTallies(ElasticsearchClient client, CatalogueIndex index) {
		this.client = client;
		this.index = index;
	}

	/** The whole scope's tally. */
	Tally total(Scope scope) throws IOException {
		SearchResponse<Void> response = this.client.search(s -> s.index(this.index.alias()).size(0)
			.trackTotalHits(t -> t.enabled(true)).query(filter(scope)).aggregations(TALLY), Void.class);
		return tally(response.hits().total().value(), response.aggregations());
	}

	/** The scope's tallies per group, keyed by department code, region code, level or domain. */
	Map<String, Tally> byGroup(Scope scope, GroupBy groupBy) throws IOException {
		String field = switch (groupBy) {
			case DEPARTMENT -> "providerCode";
			case REGION -> scope.includeSubregions() ? "regionPath" : "regionCode";
			case LEVEL -> "level";
			case DOMAIN -> "domain";
		};
		Map<String, Tally> groups = new HashMap<>();
		Map<String, FieldValue> after = null;
		do {
			Map<String, FieldValue> from = after;
			SearchResponse<Void> response = this.client.search(s -> s.index(this.index.alias()).size(0)
				.query(filter(scope))
				.aggregations("groups", a -> a.composite(c -> {
					c.size(PAGE).sources(List.of(Map.of("key",
							CompositeAggregationSource.of(src -> src.terms(t -> t.field(field))))));
					return from == null ? c : c.after(from);
				}).aggregations(TALLY)), Void.class);
			CompositeAggregate page = response.aggregations().get("groups").composite();
			for (CompositeBucket bucket : page.buckets().array()) {
				String key = bucket.key().get("key").stringValue();
				// A subregion's resources carry the regions above the scope's region in their path too.
				if (groupBy != GroupBy.REGION || scope.covers(key)) {
					groups.put(key, tally(bucket.docCount(), bucket.aggregations()));
				}
			}
			after = page.buckets().array().size() < PAGE ? null : page.afterKey();
		}
		while (after != null);
		return groups;
	}

	private static Query filter(Scope scope) {
		List<Query> filters = new ArrayList<>();
		filters.add(term("status", "PUBLISHED"));
		if (scope.regionCode() != null) {
			filters.add(term(scope.includeSubregions() ? "regionPath" : "regionCode", scope.regionCode()));
		}
		if (scope.level() != null) {
			filters.add(term("level", scope.level().name()));
		}
		if (scope.domain() != null) {
			filters.add(term("domain", scope.domain()));
		}
		if (scope.providerCode() != null) {
			filters.add(term("providerCode", scope.providerCode()));
		}
		return Query.of(q -> q.bool(b -> b.filter(filters)));
	}

	private static Query term(String field, String value) {
		return Query.of(q -> q.term(t -> t.field(field).value(value)));
	}

	private static Tally tally(long resources, Map<String, Aggregate> aggregations) {
		Aggregate open = aggregations.get("open");
		Set<String> domains = open.filter().aggregations().get("domains").sterms().buckets().array().stream()
			.map(StringTermsBucket::key).map(FieldValue::stringValue).collect(Collectors.toSet());
		return new Tally(resources, aggregations.get("shared").filter().docCount(),
				aggregations.get("inDomains").filter().docCount(), open.filter().docCount(), domains);
	}

}
