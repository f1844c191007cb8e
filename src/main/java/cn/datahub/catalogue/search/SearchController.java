package cn.datahub.catalogue.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.security.Guard;
import cn.datahub.system.BadParameter;
import cn.datahub.system.Paging;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

	/** Elasticsearch's default result window: deeper pages need search_after, not from/size. */
	private static final int MAX_WINDOW = 10_000;

	private final ResourceSearch search;

	private final CatalogueIndex index;

	private final FacetLabels labels;

	private final Guard guard;

	SearchController(ResourceSearch search, CatalogueIndex index, FacetLabels labels, Guard guard) {
		this.search = search;
		this.index = index;
		this.labels = labels;
		this.guard = guard;
	}

	/**
	 * Free text in {@code q}; filters as repeated or comma-separated parameters named after the contract's fields.
	 */
	@GetMapping("/api/resources/search")
	SearchResult search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam MultiValueMap<String, String> parameters)
			throws IOException {
		Paging.check(page, size);
		if (((long) page + 1) * size > MAX_WINDOW) {
			throw new BadParameter("page", "page × size may reach at most " + MAX_WINDOW + " hits; narrow the search");
		}
		if (q != null && q.length() > 200) {
			throw new BadParameter("q", "q must be at most 200 characters");
		}
		Map<String, List<String>> filters = new LinkedHashMap<>();
		for (String filter : SearchQuery.FACETS) {
			List<String> values = parameters.getOrDefault(filter, List.of()).stream()
				.flatMap(v -> List.of(v.split(",")).stream())
				.filter(v -> !v.isBlank())
				.map(v -> this.labels.code(filter, v))
				.toList();
			filters.put(filter, values);
		}
		visibleOnly(filters);
		return this.search.search(new SearchQuery(q, filters, page, size));
	}

	/** Rebuilds the index from the database into a new index and swaps the alias; searches go on meanwhile. */
	@PostMapping("/api/admin/reindex")
	CatalogueIndex.Reindexed reindex() throws IOException {
		this.guard.administrator("rebuild the index");
		return this.index.rebuild();
	}

	/**
	 * Callers other than admins and auditors search the published catalogue; what a department has not published
	 * they see when they ask for their own department's.
	 */
	private void visibleOnly(Map<String, List<String>> filters) {
		if (this.guard.seesWholeCatalogue()) {
			return;
		}
		List<String> statuses = filters.get("status");
		if (statuses.isEmpty()) {
			filters.put("status", List.of(ResourceStatus.PUBLISHED.name()));
		}
		else if (!statuses.equals(List.of(ResourceStatus.PUBLISHED.name()))) {
			List<String> providers = filters.get("providerCode");
			this.guard.readerOf(providers.size() == 1 ? providers.get(0) : null);
		}
	}

}
