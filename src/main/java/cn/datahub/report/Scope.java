package cn.datahub.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import cn.datahub.catalogue.reference.RegionLevel;

/**
 * Which published resources a report counts: those of departments in {@code regions} (a region with everything
 * below it, or only its own departments), optionally of one level, domain or provider, as the catalogue stood at
 * the end of {@code asOf} ({@code null}: now). Every field but {@code regions} is optional.
 *
 * @param regionCode the region asked for, {@code null} for all
 * @param regions the region codes whose departments count; empty means every region
 * @param includeSubregions whether regions below {@code regionCode} count, and region rows cover their subregions
 */
public record Scope(String regionCode, Set<String> regions, boolean includeSubregions, RegionLevel level,
		String domain, String providerCode, LocalDate asOf) {

	public Scope {
		regions = Set.copyOf(regions);
	}

	public boolean current() {
		return this.asOf == null;
	}

	/** The instant the scope's day ended, where days are counted in {@code zone}. */
	public Instant end(ZoneId zone) {
		return this.asOf.plusDays(1).atStartOfDay(zone).toInstant();
	}

	/** The key a report's total row carries: the provider's code, the region's, or {@code ALL}. */
	public String key() {
		return this.providerCode != null ? this.providerCode : this.regionCode != null ? this.regionCode : "ALL";
	}

	public boolean covers(String region) {
		return this.regions.isEmpty() || this.regions.contains(region);
	}

	public Scope withRegion(String code, Set<String> codes) {
		return new Scope(code, codes, this.includeSubregions, this.level, this.domain, this.providerCode, this.asOf);
	}

	public Scope withProvider(String code) {
		return new Scope(this.regionCode, this.regions, this.includeSubregions, this.level, this.domain, code, this.asOf);
	}

	public Scope withLevel(RegionLevel value) {
		return new Scope(this.regionCode, this.regions, this.includeSubregions, value, this.domain, this.providerCode,
				this.asOf);
	}

	public Scope withDomain(String value) {
		return new Scope(this.regionCode, this.regions, this.includeSubregions, this.level, value, this.providerCode,
				this.asOf);
	}

}
