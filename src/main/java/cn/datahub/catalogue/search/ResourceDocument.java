package cn.datahub.catalogue.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.reference.ReferenceData;

/**
 * A resource as the search index holds it: the catalogue fields plus what search and the rate aggregations
 * filter on without a join: the provider's name, region, the regions above it and level.
 */
public record ResourceDocument(String code, String name, String summary, String providerCode, String providerName,
		String regionCode, List<String> regionPath, String level, String category, String domain, String shareType,
		String shareCondition, String notSharedBasis, String openType, String updateCycle, String format, String status,
		List<Item> items, int version, Instant updatedAt) {

	/** A data item as indexed: its title is searchable, its name and type are filters. */
	public record Item(String name, String title, String type) {
	}

	/**
	 * The document's external version in the index: when the change was committed, in microseconds. Not the
	 * catalogue's version, which starts again at 1 when a deleted draft's code is registered anew: the delete's
	 * tombstone would make Elasticsearch refuse the new resource as older.
	 */
	public long externalVersion() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, this.updatedAt);
	}

	static ResourceDocument of(Resource r, Department provider, ReferenceData reference) {
		return new ResourceDocument(r.code(), r.name(), r.summary(), r.providerCode(), provider.name(),
				provider.regionCode(), reference.regionPath(provider.regionCode()), provider.level().name(),
				r.category().name(), r.domain(), r.shareType().name(), r.shareCondition(), r.notSharedBasis(),
				r.openType().name(), r.updateCycle().name(), r.format(), r.status().name(),
				r.items().stream().map(ResourceDocument::item).toList(), r.version(), r.updatedAt());
	}

	private static Item item(DataItem item) {
		return new Item(item.name(), item.title(), item.type());
	}

}
