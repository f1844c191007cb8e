package cn.datahub.catalogue;

import java.time.Instant;

/**
 * One committed change to a resource and the resource as it stood after it.
 */
public record HistoryEntry(int version, Change change, Instant changedAt, Resource resource) {

	public enum Change {

		CREATED, UPDATED, PUBLISHED, RETIRED

	}

}
