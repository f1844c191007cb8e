package cn.datahub.report;

import java.sql.Timestamp;
import java.time.ZoneId;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The published resources of a scope as SQL over the catalogue tables: the {@code resource} table for now, or,
 * for a past day, each resource's last history entry before that day ended. Both give the columns {@code r.code,
 * r.version, r.provider_code, r.domain, r.share_type, r.open_type} and the provider as {@code d}.
 */
final class ScopeSql {

	/** Shared: unconditionally or conditionally. */
	static final String SHARED = "r.share_type in ('UNCONDITIONAL', 'CONDITIONAL')";

	/** In one of the 22 domains: what openness is counted over. */
	static final String IN_DOMAINS = "r.domain <> 'NONE'";

	/** Open, unconditionally or conditionally, in one of the 22 domains. */
	static final String OPEN = IN_DOMAINS + " and r.open_type in ('UNCONDITIONAL', 'CONDITIONAL')";

	private static final String AS_OF = "(select h.resource_code code, h.version, h.provider_code, h.domain, h.share_type, "
			+ "h.open_type, h.status from resource_history h join (select resource_code, max(version) version "
			+ "from resource_history where changed_at < :end group by resource_code) l "
			+ "on l.resource_code = h.resource_code and l.version = h.version)";

	private final String from;

	private final MapSqlParameterSource parameters = new MapSqlParameterSource();

	ScopeSql(Scope scope, ZoneId zone) {
		StringBuilder sql = new StringBuilder(" from ").append(scope.current() ? "resource" : AS_OF)
			.append(" r join department d on d.code = r.provider_code where r.status = 'PUBLISHED'");
		if (!scope.current()) {
			this.parameters.addValue("end", Timestamp.from(scope.end(zone)));
			sql.append(" and d.created_at < :end");
		}
		if (!scope.regions().isEmpty()) {
			sql.append(" and d.region_code in (:regions)");
			this.parameters.addValue("regions", scope.regions());
		}
		if (scope.level() != null) {
			sql.append(" and d.level = :level");
			this.parameters.addValue("level", scope.level().name());
		}
		if (scope.domain() != null) {
			sql.append(" and r.domain = :domain");
			this.parameters.addValue("domain", scope.domain());
		}
		if (scope.providerCode() != null) {
			sql.append(" and r.provider_code = :provider");
			this.parameters.addValue("provider", scope.providerCode());
		}
		this.from = sql.toString();
	}

	/** A select-list count of the rows meeting {@code condition}. */
	static String countWhere(String condition) {
		return "sum(case when " + condition + " then 1 else 0 end)";
	}

	/** {@code from ... where ...}, ready for a select list before it and more conditions after it. */
	String from() {
		return this.from;
	}

	MapSqlParameterSource parameters() {
		return this.parameters;
	}

}
