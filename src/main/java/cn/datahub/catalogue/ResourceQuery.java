package cn.datahub.catalogue;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A page of the catalogue's resources, optionally of one provider and one status.
 */
public record ResourceQuery(String providerCode, ResourceStatus status, int page, int size) {

	MapSqlParameterSource parameters() {
		return new MapSqlParameterSource("provider", this.providerCode)
			.addValue("status", this.status == null ? null : this.status.name())
			.addValue("limit", this.size)
			.addValue("offset", (long) this.page * this.size);
	}

}
