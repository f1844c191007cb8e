package cn.datahub.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.reference.Region;
import cn.datahub.system.BadParameter;
import cn.datahub.system.HubProperties;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The real-time rates of a scope's departments, by department or region, from the exchange's state now. A
 * published resource is <em>collected in real time</em> when a department system feeds it through an interface
 * (an HTTP or JDBC attachment the hub polls, or a PUSH attachment) that last succeeded within the freshness window
 * ({@code hub.reports.realtime-freshness}); a file drop is a batch import, not real time. A shared resource is
 * <em>shared in real time</em> when it is collected in real time and its records reach an exchange target beyond
 * the hub's own outbox (a platform or a consumer): a run delivered records there, and no run to that target has
 * failed since.
 */
@Service
public class RealtimeRates {

	private static final String LIVE = "exists (select 1 from exchange_attachment a where a.resource_code = r.code "
			+ "and a.kind in ('HTTP', 'JDBC', 'PUSH') and a.last_success_at >= :fresh)";

	private static final String DELIVERED = "exists (select 1 from exchange_run s where s.resource_code = r.code "
			+ "and s.target not in ('file-outbox', '-') and s.status = 'SUCCEEDED' and s.records_out > 0 and not exists "
			+ "(select 1 from exchange_run f where f.resource_code = s.resource_code and f.target = s.target "
			+ "and f.status = 'FAILED' and f.started_at > s.started_at))";

	private final NamedParameterJdbcTemplate jdbc;

	private final HubProperties properties;

	private final CatalogueTallies catalogue;

	private final ReferenceData reference;

	private final Targets targets;

	private final RateReports reports;

	private final Clock clock;

	RealtimeRates(NamedParameterJdbcTemplate jdbc, HubProperties properties, CatalogueTallies catalogue,
			ReferenceData reference, Targets targets, RateReports reports, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.catalogue = catalogue;
		this.reference = reference;
		this.targets = targets;
		this.reports = reports;
		this.clock = clock;
	}

	public RealtimeReport report(GroupBy groupBy, Scope scope) {
		if (!scope.current()) {
			throw new BadParameter("asOf", "Real-time rates are counted now; they have no history to be taken asOf a day");
		}
		if (groupBy != GroupBy.DEPARTMENT && groupBy != GroupBy.REGION) {
			throw new BadParameter("groupBy", "Real-time rates are scored per department: groupBy department or region");
		}
		Instant now = this.clock.instant();
		Map<String, Live> counted = count(scope, now.minus(this.properties.reports().realtimeFreshness()));
		Map<String, Named> groups = groups(groupBy, scope);
		Map<String, Live> grouped = new LinkedHashMap<>();
		groups.keySet().forEach(key -> grouped.put(key, Live.NONE));
		for (Live live : counted.values()) {
			keys(groupBy, scope, live).stream().filter(grouped::containsKey).forEach(key -> grouped.merge(key, live, Live::plus));
		}
		Live total = counted.values().stream().reduce(Live.NONE, Live::plus);
		int year = now.atZone(this.clock.getZone()).getYear();
		return new RealtimeReport(now, this.properties.reports().realtimeFreshness(),
				report(RealtimeMetric.COLLECTION, groupBy, scope, year, total, groups, grouped),
				report(RealtimeMetric.SHARING, groupBy, scope, year, total, groups, grouped));
	}

	private RateReport report(RealtimeMetric metric, GroupBy groupBy, Scope scope, int year, Live total,
			Map<String, Named> groups, Map<String, Live> grouped) {
		List<RateRow> rows = new ArrayList<>();
		grouped.forEach((key, live) -> rows.add(row(metric, year, key, groups.get(key), live)));
		return new RateReport("realtime-" + metric.key(), groupBy.key(), null, year, "exchange",
				row(metric, year, scope.key(), new Named(this.reports.scopeName(scope), null), total), rows);
	}

	private RateRow row(RealtimeMetric metric, int year, String key, Named names, Live live) {
		boolean collection = metric == RealtimeMetric.COLLECTION;
		return RateRow.of(key, names.name(), names.nameEn(), collection ? live.collected() : live.sharedLive(),
				collection ? live.resources() : live.shared(), this.targets.target(metric, year).orElse(null), null, null);
	}

	/** Every department of the scope, or every region with a department in it, counted or not. */
	private Map<String, Named> groups(GroupBy groupBy, Scope scope) {
		Map<String, Named> groups = new LinkedHashMap<>();
		List<Department> departments = this.catalogue.departments(scope).stream()
			.sorted(Comparator.comparing(Department::regionCode).thenComparing(Department::code)).toList();
		if (groupBy == GroupBy.DEPARTMENT) {
			departments.forEach(d -> groups.put(d.code(), new Named(d.name(), null)));
			return groups;
		}
		TreeSet<String> regions = new TreeSet<>();
		departments.forEach(d -> regions.addAll(keys(groupBy, scope, new Live(d.code(), d.regionCode(), 0, 0, 0, 0))));
		for (String code : regions) {
			Region region = this.reference.region(code).orElseThrow();
			groups.put(code, new Named(region.name(), region.nameEn()));
		}
		return groups;
	}

	/** The rows a department's counts add to: its own, or its region's (and the regions above it, in scope). */
	private List<String> keys(GroupBy groupBy, Scope scope, Live live) {
		if (groupBy == GroupBy.DEPARTMENT) {
			return List.of(live.department());
		}
		return scope.includeSubregions() ? this.reference.regionPath(live.region()).stream().filter(scope::covers).toList()
				: List.of(live.region());
	}

	private Map<String, Live> count(Scope scope, Instant fresh) {
		ScopeSql sql = new ScopeSql(scope, this.properties.zone());
		MapSqlParameterSource parameters = sql.parameters().addValue("fresh", Timestamp.from(fresh));
		Map<String, Live> counted = new LinkedHashMap<>();
		this.jdbc.query("select d.code department, d.region_code region, count(*) resources, "
				+ ScopeSql.countWhere(LIVE) + " collected, " + ScopeSql.countWhere(ScopeSql.SHARED) + " shared, "
				+ ScopeSql.countWhere(ScopeSql.SHARED + " and " + LIVE + " and " + DELIVERED) + " shared_live" + sql.from()
				+ " group by d.code, d.region_code", parameters,
				rs -> {
					counted.put(rs.getString("department"), new Live(rs.getString("department"), rs.getString("region"),
							rs.getLong("resources"), rs.getLong("collected"), rs.getLong("shared"), rs.getLong("shared_live")));
				});
		return counted;
	}

	private record Named(String name, String nameEn) {
	}

	/** One department's (or a group's) published resources, shared ones, and those of each in real time. */
	private record Live(String department, String region, long resources, long collected, long shared,
			long sharedLive) {

		static final Live NONE = new Live(null, null, 0, 0, 0, 0);

		Live plus(Live other) {
			return new Live(this.department, this.region, this.resources + other.resources,
					this.collected + other.collected, this.shared + other.shared, this.sharedLive + other.sharedLive);
		}

	}

}
