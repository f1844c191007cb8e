package cn.datahub.exchange.catalogue;

import java.time.Instant;

/**
 * A catalogue entry as a platform holds it for this region (数据回流).
 *
 * @param own whether its provider is a department of this hub: the platform's copy of the hub's own catalogue
 * @param hubVersion the version of the resource in this hub, for an own entry; null if the hub has no such resource
 * @param drift whether an own entry differs from the hub's: another version, or a resource the hub does not hold
 */
record HarvestedEntry(String platform, String code, String name, String providerCode, String providerName,
		String regionCode, String domain, String shareType, String openType, String status, int version,
		Instant updatedAt, Instant harvestedAt, boolean own, Integer hubVersion, boolean drift) {
}
