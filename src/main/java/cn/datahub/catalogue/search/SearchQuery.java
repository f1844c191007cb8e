package cn.datahub.catalogue.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalogue search: free text, filters named after the contract's fields (several values of one filter mean
 * any of them; {@code regionCode} means that region and every region below it), and a page.
 */
public record SearchQuery(String q, Map<String, List<String>> filters, int page, int size) {

	/** The filters that are also facets, in the order the answer lists them. */
	static final List<String> FACETS = List.of("domain", "shareType", "openType", "providerCode", "updateCycle", "status",
			"category", "regionCode");

	public SearchQuery {
		filters = new LinkedHashMap<>(filters);
		filters.values().removeIf(values -> values == null || values.isEmpty());
	}

	/** The indexed field a filter reads: a region filter matches a department anywhere below the region. */
	static String filterField(String filter) {
		return filter.equals("regionCode") ? "regionPath" : filter;
	}

	boolean hasText() {
		return this.q != null && !this.q.isBlank();
	}

}
