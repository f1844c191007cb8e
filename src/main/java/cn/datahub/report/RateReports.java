package cn.datahub.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.reference.Domain;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.reference.Region;
import cn.datahub.catalogue.reference.RegionLevel;
import cn.datahub.report.CatalogueTallies.Cell;
import cn.datahub.system.BadParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The rate reports: sharing, openness and domain coverage for a scope, split by department, region, level or
 * domain, each row against its target. Current figures come from the catalogue index's aggregations (or, if the
 * index cannot answer, a recount in the database); a past day's from the resources' history.
 */
@Service
public class RateReports {

	private static final Logger log = LoggerFactory.getLogger(RateReports.class);

	private static final Map<RegionLevel, Names> LEVEL_NAMES = Map.of(RegionLevel.PROVINCE,
			new Names("省级", "province"), RegionLevel.CITY, new Names("市级", "city"), RegionLevel.COUNTY,
			new Names("县级", "county"));

	private final IndexTallies index;

	private final CatalogueTallies catalogue;

	private final ReferenceData reference;

	private final Targets targets;

	private final Scopes scopes;

	RateReports(IndexTallies index, CatalogueTallies catalogue, ReferenceData reference, Targets targets, Scopes scopes) {
		this.index = index;
		this.catalogue = catalogue;
		this.reference = reference;
		this.targets = targets;
		this.scopes = scopes;
	}

	/**
	 * The report of {@code metric} over {@code scope}, one row per group ({@code groupBy} {@code null}: the scope
	 * alone). {@code recount} counts in the database even where the index could answer.
	 */
	public RateReport report(Metric metric, GroupBy groupBy, Scope scope, boolean recount) {
		if (metric == Metric.COVERAGE && groupBy == GroupBy.DOMAIN) {
			throw new BadParameter("groupBy", "groupBy=domain: domain coverage counts domains, it cannot be split by them");
		}
		Counted counted = scope.current() && !recount ? fromIndex(scope, groupBy).orElseGet(() -> fromDatabase(scope,
				groupBy, "database")) : fromDatabase(scope, groupBy, scope.current() ? "database" : "history");
		int year = (scope.current() ? this.scopes.today() : scope.asOf()).getYear();
		RateRow total = row(metric, scope, year, scope.key(), names(scope), scopeTarget(metric, scope, year),
				counted.total(), scope);
		List<RateRow> rows = new ArrayList<>();
		if (groupBy != null) {
			for (Group group : groups(metric, groupBy, scope, counted.groups().keySet())) {
				Tally tally = counted.groups().getOrDefault(group.key(), Tally.EMPTY);
				rows.add(row(metric, scope, year, group.key(), group.names(),
						group.target().apply(new Year(metric, year)).orElse(null), tally, group.scope()));
			}
		}
		return new RateReport(metric.key(), groupBy == null ? null : groupBy.key(), scope.asOf(), year,
				counted.source(), total, rows);
	}

	private Optional<Counted> fromIndex(Scope scope, GroupBy groupBy) {
		try {
			return Optional.of(new Counted("index", this.index.total(scope),
					groupBy == null ? Map.of() : this.index.byGroup(scope, groupBy)));
		}
		catch (IOException | ElasticsearchException ex) {
			log.warn("The search index cannot count the report ({}); recounting in the database", ex.getMessage());
			return Optional.empty();
		}
	}

	private Counted fromDatabase(Scope scope, GroupBy groupBy, String source) {
		List<Cell> cells = this.catalogue.cells(scope);
		return new Counted(source, CatalogueTallies.total(cells),
				groupBy == null ? Map.of() : this.catalogue.group(cells, groupBy, scope));
	}

	/**
	 * Every group the scope has, counted or not: a department that has published nothing is a row at 0 of 0, not
	 * a missing row.
	 */
	private List<Group> groups(Metric metric, GroupBy groupBy, Scope scope, Set<String> counted) {
		List<Department> departments = this.catalogue.departments(scope);
		return switch (groupBy) {
			case DEPARTMENT -> departments.stream()
				.sorted(Comparator.comparing(Department::regionCode).thenComparing(Department::code))
				.map(d -> new Group(d.code(), new Names(d.name(), null), y -> target(y, d.level(), d.regionCode()),
						scope.withProvider(d.code())))
				.toList();
			case REGION -> regionKeys(scope, departments, counted).stream()
				.map(code -> this.reference.region(code).orElseThrow())
				.map(r -> new Group(r.code(), new Names(r.name(), r.nameEn()), y -> target(y, r.level(), r.code()),
						scope.withRegion(r.code(), scope.includeSubregions() ? this.reference.subtree(r.code()) : Set.of(r.code()))))
				.toList();
			case LEVEL -> departments.stream().map(Department::level).collect(Collectors.toCollection(TreeSet::new)).stream()
				.map(l -> new Group(l.name(), LEVEL_NAMES.get(l), y -> target(y, l, null), scope.withLevel(l)))
				.toList();
			case DOMAIN -> domainKeys(metric, scope).stream()
				.map(code -> new Group(code, domainNames(code), y -> Optional.ofNullable(scopeTarget(y.metric(), scope, y.year())),
						scope.withDomain(code)))
				.toList();
		};
	}

	private Set<String> regionKeys(Scope scope, List<Department> departments, Set<String> counted) {
		Set<String> keys = new TreeSet<>(counted);
		for (Department d : departments) {
			(scope.includeSubregions() ? this.reference.regionPath(d.regionCode()) : List.of(d.regionCode())).stream()
				.filter(scope::covers).forEach(keys::add);
		}
		return keys;
	}

	private List<String> domainKeys(Metric metric, Scope scope) {
		if (scope.domain() != null) {
			return List.of(scope.domain());
		}
		List<String> keys = new ArrayList<>(this.reference.domains().stream().map(Domain::code).toList());
		if (metric == Metric.SHARING) {
			keys.add(ReferenceData.NO_DOMAIN);
		}
		return keys;
	}

	private Names domainNames(String code) {
		return this.reference.domain(code).map(d -> new Names(d.name(), d.nameEn()))
			.orElse(new Names("机关内部管理（不属22个领域）", "outside the 22 domains"));
	}

	private RateRow row(Metric metric, Scope base, int year, String key, Names names, BigDecimal target, Tally tally,
			Scope drill) {
		List<Domain> missing = metric == Metric.COVERAGE ? this.reference.domains().stream()
			.filter(d -> !tally.openDomains().contains(d.code())).toList() : null;
		return RateRow.of(key, names.name(), names.nameEn(), tally.numerator(metric), tally.denominator(metric), target, missing,
				links(metric, drill));
	}

	private Optional<BigDecimal> target(Year year, RegionLevel level, String regionCode) {
		return this.targets.target(year.metric(), level, regionCode, year.year());
	}

	/** The target of the scope as a whole: its provider's, its region's, or its level's. */
	private BigDecimal scopeTarget(Metric metric, Scope scope, int year) {
		Optional<BigDecimal> target;
		if (scope.providerCode() != null) {
			Department d = this.catalogue.department(scope.providerCode());
			target = this.targets.target(metric, d.level(), d.regionCode(), year);
		}
		else if (scope.regionCode() != null) {
			Region r = this.reference.region(scope.regionCode()).orElseThrow();
			target = this.targets.target(metric, r.level(), r.code(), year);
		}
		else {
			target = this.targets.target(metric, scope.level(), null, year);
		}
		return target.orElse(null);
	}

	/** The scope's name: its provider's or its region's. */
	public String scopeName(Scope scope) {
		return names(scope).name();
	}

	private Names names(Scope scope) {
		if (scope.providerCode() != null) {
			return new Names(this.catalogue.department(scope.providerCode()).name(), null);
		}
		return scope.regionCode() == null ? new Names("全部", "all")
				: this.reference.region(scope.regionCode()).map(r -> new Names(r.name(), r.nameEn())).orElseThrow();
	}

	private static Map<String, String> links(Metric metric, Scope scope) {
		Map<String, String> links = new LinkedHashMap<>();
		links.put("numerator", drill(metric, scope, "numerator"));
		if (metric != Metric.COVERAGE) {
			links.put("denominator", drill(metric, scope, "denominator"));
		}
		return links;
	}

	private static String drill(Metric metric, Scope scope, String part) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/reports/{metric}/resources");
		Optional.ofNullable(scope.regionCode()).ifPresent(v -> uri.queryParam("regionCode", v));
		if (!scope.includeSubregions()) {
			uri.queryParam("includeSubregions", false);
		}
		Optional.ofNullable(scope.level()).ifPresent(v -> uri.queryParam("level", v.name()));
		Optional.ofNullable(scope.domain()).ifPresent(v -> uri.queryParam("domain", v));
		Optional.ofNullable(scope.providerCode()).ifPresent(v -> uri.queryParam("providerCode", v));
		Optional.ofNullable(scope.asOf()).ifPresent(v -> uri.queryParam("asOf", v));
		return uri.queryParam("part", part).buildAndExpand(metric.key()).encode().toUriString();
	}

	private record Counted(String source, Tally total, Map<String, Tally> groups) {
	}

	private record Year(Metric metric, int year) {
	}

	private record Names(String name, String nameEn) {
	}

	/** A row to be: its key, names (Chinese, English), how its target is found, and its drill-down scope. */
	private record Group(String key, Names names, Function<Year, Optional<BigDecimal>> target, Scope scope) {
	}

}
