package cn.datahub.exchange.catalogue;

import java.sql.Timestamp;
import java.time.Instant;

import cn.datahub.schema.CatalogueEntry;
import cn.datahub.system.Page;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The platforms' catalogue entries harvested back ({@code catalogue_harvested}), one per platform and code: a
 * version is kept only over an older one, so a page read late never takes the hub back. Listed beside the hub's
 * own catalogue: an entry whose provider is a department of the hub is its own, and drifts when the hub's resource
 * is at another version.
 */
@Repository
class HarvestedEntries {

	private static final String FROM = " from catalogue_harvested h left join department d on d.code = h.provider_code "
			+ "left join resource r on r.code = h.code and d.code is not null";

	private static final String DRIFT = "(d.code is not null and (r.version is null or r.version <> h.version))";

	private static final RowMapper<HarvestedEntry> MAPPER = (rs, n) -> new HarvestedEntry(rs.getString("platform"),
			rs.getString("code"), rs.getString("name"), rs.getString("provider_code"), rs.getString("provider_name"),
			rs.getString("region_code"), rs.getString("domain"), rs.getString("share_type"), rs.getString("open_type"),
			rs.getString("status"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
			rs.getTimestamp("harvested_at").toInstant(), rs.getBoolean("own"), rs.getObject("hub_version", Integer.class),
			rs.getBoolean("drift"));

	private final NamedParameterJdbcTemplate jdbc;

	HarvestedEntries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** @return whether the entry was stored: new, or newer than the copy kept */
	boolean keep(String platform, CatalogueEntry entry, String json, Instant at) {
		MapSqlParameterSource row = new MapSqlParameterSource("platform", platform).addValue("code", entry.getCode())
			.addValue("name", entry.getName()).addValue("providerCode", entry.getProviderCode())
			.addValue("providerName", entry.getProviderName()).addValue("regionCode", entry.getRegionCode())
			.addValue("domain", entry.getDomain()).addValue("shareType", entry.getShareType().name())
			.addValue("openType", entry.getOpenType().name()).addValue("status", entry.getStatus().name())
			.addValue("version", entry.getVersion()).addValue("updatedAt", Timestamp.from(entry.getUpdatedAt()))
			.addValue("entry", json).addValue("at", Timestamp.from(at));
		return this.jdbc.update("merge into catalogue_harvested h using (select cast(:platform as varchar(63)) platform, "
				+ "cast(:code as varchar(64)) code) s on h.platform = s.platform and h.code = s.code "
				+ "when matched and (h.version < :version or (h.version = :version and h.updated_at < :updatedAt)) then "
				+ "update set name = :name, provider_code = :providerCode, provider_name = :providerName, "
				+ "region_code = :regionCode, domain = :domain, share_type = :shareType, open_type = :openType, "
				+ "status = :status, version = :version, updated_at = :updatedAt, entry = :entry, harvested_at = :at "
				+ "when not matched then insert (platform, code, name, provider_code, provider_name, region_code, domain, "
				+ "share_type, open_type, status, version, updated_at, entry, harvested_at) values (:platform, :code, :name, "
				+ ":providerCode, :providerName, :regionCode, :domain, :shareType, :openType, :status, :version, :updatedAt, "
				+ ":entry, :at)", row) == 1;
	}

	/** Entries of a platform and/or region, own or not, drifting or not, by platform and code, a page at a time. */
	Page<HarvestedEntry> list(String platform, String regionCode, Boolean own, Boolean drift, int page, int size) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("platform", platform).addValue("region", regionCode)
			.addValue("limit", size).addValue("offset", (long) page * size);
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (platform != null) {
			where.append(" and h.platform = :platform");
		}
		if (regionCode != null) {
			where.append(" and h.region_code = :region");
		}
		if (own != null) {
			where.append(own ? " and d.code is not null" : " and d.code is null");
		}
		if (drift != null) {
			where.append(drift ? " and " : " and not ").append(DRIFT);
		}
		long total = this.jdbc.queryForObject("select count(*)" + FROM + where, parameters, Long.class);
		return new Page<>(total, page, size, this.jdbc.query("select h.*, d.code is not null as own, r.version as hub_version, "
				+ DRIFT + " as drift" + FROM + where + " order by h.platform, h.code limit :limit offset :offset", parameters,
				MAPPER));
	}

}
