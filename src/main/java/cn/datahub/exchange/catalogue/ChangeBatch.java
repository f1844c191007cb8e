package cn.datahub.exchange.catalogue;

import java.util.List;
import java.util.stream.Collectors;

import cn.datahub.schema.CatalogueEntry;

/**
 * The catalogue entries of the changes after one history id and up to another, in the order they were recorded.
 *
 * @param after the platform's cursor the batch starts from
 * @param upTo the last change the batch covers; drafts up to it are passed over with it
 */
record ChangeBatch(long after, long upTo, List<CatalogueEntry> entries) {

	ChangeBatch {
		entries = List.copyOf(entries);
	}

	/** Names the batch by the changes it covers, so the same changes sent again carry the same id. */
	String id(String regionCode) {
		return regionCode + "-" + this.after + "-" + this.upTo;
	}

	/** The entries as a reader of the log finds them: code and version of each. */
	String describe() {
		return this.entries.stream().map(e -> e.getCode() + " v" + e.getVersion()).collect(Collectors.joining(", "));
	}

}
