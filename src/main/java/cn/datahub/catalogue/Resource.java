package cn.datahub.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * A data resource (信息资源) in the catalogue, with the field names of the public contract.
 *
 * @param version counts the changes since the resource was created; the search index keeps the highest
 * @param updatedAt when the last change was committed
 */
public record Resource(String code, String name, String providerCode, Category category, String domain,
		ShareType shareType, String shareCondition, String notSharedBasis, OpenType openType,
		UpdateCycle updateCycle, String format, String summary, List<DataItem> items, ResourceStatus status,
		int version, Instant updatedAt) {

	public Resource {
		items = List.copyOf(items);
	}

	/** Whether the content (everything a registrar sets) differs from another version of the resource. */
	public boolean sameContentAs(Resource other) {
		return withVersion(0, null).equals(other.withVersion(0, null));
	}

	Resource withVersion(int newVersion, Instant at) {
		return new Resource(this.code, this.name, this.providerCode, this.category, this.domain, this.shareType,
				this.shareCondition, this.notSharedBasis, this.openType, this.updateCycle, this.format, this.summary,
				this.items, this.status, newVersion, at);
	}

}
