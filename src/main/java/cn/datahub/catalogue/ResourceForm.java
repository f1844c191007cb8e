package cn.datahub.catalogue;

import java.util.List;

/**
 * A resource as submitted through the API or a template row: plain strings, so that every field can be
 * checked and reported at once. Enumerated values may be given as codes or as their Chinese labels.
 */
public record ResourceForm(String code, String name, String providerCode, String category, String domain,
		String shareType, String shareCondition, String notSharedBasis, String openType, String updateCycle,
		String format, String summary, List<DataItem> items, String status) {

	ResourceForm withCode(String newCode) {
		return new ResourceForm(newCode, this.name, this.providerCode, this.category, this.domain, this.shareType,
				this.shareCondition, this.notSharedBasis, this.openType, this.updateCycle, this.format, this.summary,
				this.items, this.status);
	}

}
