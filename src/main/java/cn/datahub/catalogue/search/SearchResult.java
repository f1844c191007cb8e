package cn.datahub.catalogue.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One page of search hits, with the count of every facet value over the whole result.
 */
public record SearchResult(long total, int page, int size, List<Hit> items, Map<String, List<FacetValue>> facets) {

	/** A matching resource; {@code highlights} holds the matching fragments of name, summary and item titles. */
	public record Hit(@JsonUnwrapped ResourceDocument resource, Double score, Map<String, List<String>> highlights) {
	}

	/** A facet value, its label for people (a domain's or department's name) and how many hits carry it. */
	public record FacetValue(String value, String label, long count) {
	}

}
