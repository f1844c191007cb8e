package cn.datahub.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.reference.Region;
import cn.datahub.catalogue.reference.RegionLevel;
import cn.datahub.report.CatalogueTallies.Cell;
import cn.datahub.system.BadParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly snapshots of every region's and every department's figures (月度进展). A month's snapshot stands at its
 * last day, counted from the resources' history, so one taken late (the hub was down at midnight) is exactly the
 * one that would have been taken on time. While a month runs, a snapshot taken on demand stands at that day and
 * is replaced by the month-end one.
 */
@Service
public class RateSnapshots {

	private static final Logger log = LoggerFactory.getLogger(RateSnapshots.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final CatalogueTallies catalogue;

	private final ReferenceData reference;

	private final Targets targets;

	private final Clock clock;

	RateSnapshots(NamedParameterJdbcTemplate jdbc, CatalogueTallies catalogue, ReferenceData reference, Targets targets,
			Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.reference = reference;
		this.targets = targets;
		this.clock = clock;
	}

	/** Takes last month's snapshot if it has not been taken since the month ended (called on a timer). */
	public void takeDue() {
		YearMonth last = YearMonth.now(this.clock).minusMonths(1);
		List<LocalDate> taken = this.jdbc.queryForList("select as_of from rate_snapshot_run where period = :period",
				new MapSqlParameterSource("period", last.toString()), LocalDate.class);
		if (taken.isEmpty() || taken.get(0).isBefore(last.atEndOfMonth())) {
			take(last);
		}
	}

	/**
	 * Takes (or takes again) the snapshot of {@code month}: as of its last day if it is over, as of today if it is
	 * the running month.
	 */
	@Transactional
	public SnapshotRun take(YearMonth month) {
		LocalDate today = LocalDate.now(this.clock);
		if (month.isAfter(YearMonth.from(today))) {
			throw new BadParameter("month", "month " + month + " has not begun; snapshots are taken of past months and of "
					+ YearMonth.from(today));
		}
		LocalDate asOf = month.equals(YearMonth.from(today)) ? today : month.atEndOfMonth();
		Scope all = new Scope(null, Set.of(), true, null, null, null, asOf);
		List<Cell> cells = this.catalogue.cells(all);
		List<SqlParameterSource> rows = new ArrayList<>();
		Map<String, Tally> byDepartment = this.catalogue.group(cells, GroupBy.DEPARTMENT, all);
		Set<String> regions = new TreeSet<>();
		for (Department d : this.catalogue.departments(all)) {
			rows.add(row(month, "DEPARTMENT", d.code(), byDepartment.getOrDefault(d.code(), Tally.EMPTY), d.level(),
					d.regionCode(), asOf.getYear()));
			regions.addAll(this.reference.regionPath(d.regionCode()));
		}
		Map<String, Tally> byRegion = this.catalogue.group(cells, GroupBy.REGION, all);
		for (String code : regions) {
			Region region = this.reference.region(code).orElseThrow();
			rows.add(row(month, "REGION", code, byRegion.getOrDefault(code, Tally.EMPTY), region.level(), code,
					asOf.getYear()));
		}
		MapSqlParameterSource run = new MapSqlParameterSource("period", month.toString()).addValue("asOf", Date.valueOf(asOf))
			.addValue("at", Timestamp.from(this.clock.instant())).addValue("scopes", rows.size());
		this.jdbc.update("delete from rate_snapshot_run where period = :period", run);
		this.jdbc.update("insert into rate_snapshot_run (period, as_of, taken_at, scopes) values (:period, :asOf, :at, :scopes)", run);
		this.jdbc.batchUpdate("insert into rate_snapshot (period, scope_kind, scope_key, resources, shared, in_domains, opened, "
				+ "open_domains, sharing_target, openness_target, coverage_target) values (:period, :kind, :key, :resources, "
				+ ":shared, :inDomains, :opened, :openDomains, :sharingTarget, :opennessTarget, :coverageTarget)",
				rows.toArray(SqlParameterSource[]::new));
		log.info("Took the rate snapshot of {} as of {}: {} scopes", month, asOf, rows.size());
		return new SnapshotRun(month.toString(), asOf, this.clock.instant(), rows.size());
	}

	/** The monthly series of a region (with everything below it) or a department, oldest first. */
	public List<TrendPoint> trend(Metric metric, String scopeKind, String scopeKey, YearMonth from, YearMonth to) {
		return this.jdbc.query("select s.*, r.as_of from rate_snapshot s join rate_snapshot_run r on r.period = s.period "
				+ "where s.scope_kind = :kind and s.scope_key = :key and s.period between :from and :to order by s.period",
				new MapSqlParameterSource("kind", scopeKind).addValue("key", scopeKey).addValue("from", from.toString())
					.addValue("to", to.toString()),
				(rs, n) -> {
					Tally tally = new Tally(rs.getLong("resources"), rs.getLong("shared"), rs.getLong("in_domains"),
							rs.getLong("opened"), domains(rs.getString("open_domains")));
					RateRow row = RateRow.of(rs.getString("period"), null, null, tally.numerator(metric),
							tally.denominator(metric), target(rs.getBigDecimal(metric.key() + "_target")), null, null);
					return new TrendPoint(row.key(), rs.getDate("as_of").toLocalDate(), row.numerator(), row.denominator(),
							row.rate(), row.target(), row.meetsTarget());
				});
	}

	private MapSqlParameterSource row(YearMonth month, String kind, String key, Tally tally, RegionLevel level,
			String regionCode, int year) {
		return new MapSqlParameterSource("period", month.toString()).addValue("kind", kind).addValue("key", key)
			.addValue("resources", tally.resources()).addValue("shared", tally.shared())
			.addValue("inDomains", tally.inDomains()).addValue("opened", tally.open())
			.addValue("openDomains", String.join(",", new TreeSet<>(tally.openDomains())))
			.addValue("sharingTarget", target(Metric.SHARING, level, regionCode, year))
			.addValue("opennessTarget", target(Metric.OPENNESS, level, regionCode, year))
			.addValue("coverageTarget", target(Metric.COVERAGE, level, regionCode, year));
	}

	private BigDecimal target(Metric metric, RegionLevel level, String regionCode, int year) {
		return this.targets.target(metric, level, regionCode, year).orElse(null);
	}

	/** A stored target as written in the targets file: 0.9, not the column's 0.900000. */
	private static BigDecimal target(BigDecimal stored) {
		return stored == null ? null : stored.stripTrailingZeros();
	}

	private static Set<String> domains(String list) {
		return list.isEmpty() ? Set.of() : Arrays.stream(list.split(",")).collect(Collectors.toSet());
	}

}
