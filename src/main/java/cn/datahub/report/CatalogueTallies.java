package cn.datahub.report;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.reference.RegionLevel;
import cn.datahub.system.HubProperties;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts a scope's tallies in the relational store, the source of truth: one {@code GROUP BY} per department and
 * domain, rolled up to any grouping in memory. The only source for a past day, and the recount that the
 * index's figures must agree with.
 */
@Component
class CatalogueTallies {

	private final NamedParameterJdbcTemplate jdbc;

	private final HubProperties properties;

	private final Departments departments;

	private final ReferenceData reference;

	CatalogueTallies(NamedParameterJdbcTemplate jdbc, HubProperties properties, Departments departments,
			ReferenceData reference) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.departments = departments;
		this.reference = reference;
	}

	/** The scope's published resources counted per providing department and domain. */
	List<Cell> cells(Scope scope) {
		ScopeSql sql = new ScopeSql(scope, this.properties.zone());
		return new ArrayList<>(this.jdbc.query("select d.code department, d.region_code region, d.level, r.domain, "
				+ "count(*) resources, " + ScopeSql.countWhere(ScopeSql.SHARED) + " shared, "
				+ ScopeSql.countWhere(ScopeSql.IN_DOMAINS) + " in_domains, " + ScopeSql.countWhere(ScopeSql.OPEN)
				+ " opened" + sql.from() + " group by d.code, d.region_code, d.level, r.domain", sql.parameters(),
				(rs, row) -> {
					long open = rs.getLong("opened");
					String domain = rs.getString("domain");
					return new Cell(rs.getString("department"), rs.getString("region"),
							RegionLevel.valueOf(rs.getString("level")), domain,
							new Tally(rs.getLong("resources"), rs.getLong("shared"), rs.getLong("in_domains"), open,
									open > 0 ? Set.of(domain) : Set.of()));
				}));
	}

	static Tally total(List<Cell> cells) {
		return cells.stream().map(Cell::tally).reduce(Tally.EMPTY, Tally::plus);
	}

	/** Cells summed per group; a region's group covers its subregions' cells when the scope includes them. */
	Map<String, Tally> group(List<Cell> cells, GroupBy groupBy, Scope scope) {
		Map<String, Tally> groups = new LinkedHashMap<>();
		for (Cell cell : cells) {
			List<String> keys = switch (groupBy) {
				case DEPARTMENT -> List.of(cell.department());
				case REGION -> scope.includeSubregions()
						? this.reference.regionPath(cell.region()).stream().filter(scope::covers).toList()
						: List.of(cell.region());
				case LEVEL -> List.of(cell.level().name());
				case DOMAIN -> List.of(cell.domain());
			};
			keys.forEach(key -> groups.merge(key, cell.tally(), Tally::plus));
		}
		return groups;
	}

	/** The departments registered in the scope (by the end of its day). */
	List<Department> departments(Scope scope) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		StringBuilder sql = new StringBuilder("select code, name, region_code, level from department where 1 = 1");
		if (!scope.current()) {
			sql.append(" and created_at < :end");
			parameters.addValue("end", Timestamp.from(scope.end(this.properties.zone())));
		}
		if (!scope.regions().isEmpty()) {
			sql.append(" and region_code in (:regions)");
			parameters.addValue("regions", scope.regions());
		}
		if (scope.level() != null) {
			sql.append(" and level = :level");
			parameters.addValue("level", scope.level().name());
		}
		if (scope.providerCode() != null) {
			sql.append(" and code = :provider");
			parameters.addValue("provider", scope.providerCode());
		}
		return this.jdbc.query(sql.toString(), parameters, (rs, row) -> new Department(rs.getString("code"),
				rs.getString("name"), rs.getString("region_code"), RegionLevel.valueOf(rs.getString("level"))));
	}

	Department department(String code) {
		return this.departments.find(code).orElseThrow();
	}

	/** One department's published resources in one domain. */
	record Cell(String department, String region, RegionLevel level, String domain, Tally tally) {
	}

}
