package cn.datahub.report.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.datahub.report.GroupBy;
import cn.datahub.report.Metric;
import cn.datahub.report.RateReport;
import cn.datahub.report.RateReports;
import cn.datahub.report.RateRow;
import cn.datahub.report.RateSnapshots;
import cn.datahub.report.Scope;
import cn.datahub.report.Scopes;
import cn.datahub.report.TrendPoint;
import cn.datahub.report.progress.ProgressReport.DepartmentProgress;
import cn.datahub.report.progress.ProgressReport.Summary;
import cn.datahub.report.progress.ProgressReport.TrendMonth;
import cn.datahub.system.BadParameter;

import org.springframework.stereotype.Component;

/**
 * Puts a region's monthly progress report together from the rate reports and the monthly snapshots. The figures
 * are always counted from the resources' history as of the report's day, never read from the index: a report
 * filed with the province must say what the catalogue held on that day, whatever changed since.
 */
@Component
public class ProgressReports {

	/** How many months the trend goes back, the report's own month included. */
	static final int TREND_MONTHS = 12;

	private final RateReports reports;

	private final RateSnapshots snapshots;

	private final Scopes scopes;

	private final Clock clock;

	ProgressReports(RateReports reports, RateSnapshots snapshots, Scopes scopes, Clock clock) {
		this.reports = reports;
		this.snapshots = snapshots;
		this.scopes = scopes;
		this.clock = clock;
	}

	/** The report of {@code regionCode} for {@code month} ({@code null}: the running month). */
	public ProgressReport of(String regionCode, YearMonth month) {
		if (regionCode == null || regionCode.isBlank()) {
			throw new BadParameter("regionCode", "regionCode is required: the region whose progress is reported");
		}
		LocalDate today = this.scopes.today();
		YearMonth running = YearMonth.from(today);
		YearMonth reported = month == null ? running : month;
		if (reported.isAfter(running)) {
			throw new BadParameter("month", "month " + reported + " has not begun; a progress report covers "
					+ running + " or a month before it");
		}
		LocalDate asOf = reported.equals(running) ? today : reported.atEndOfMonth();
		Scope scope = this.scopes.of(regionCode, null, null, null, asOf, true);
		RateReport sharing = this.reports.report(Metric.SHARING, GroupBy.DEPARTMENT, scope, true);
		RateReport openness = this.reports.report(Metric.OPENNESS, GroupBy.DEPARTMENT, scope, true);
		RateRow coverage = this.reports.report(Metric.COVERAGE, null, scope, true).total();
		return new ProgressReport(regionCode, sharing.total().name(), reported, asOf, ZonedDateTime.now(this.clock),
				List.of(new Summary(Metric.SHARING, sharing.total()), new Summary(Metric.OPENNESS, openness.total()),
						new Summary(Metric.COVERAGE, coverage)),
				departments(sharing, openness), coverage.missingDomains(), trend(regionCode, reported));
	}

	/**
	 * The two reports' rows side by side. Each report reads the departments itself, so on the running day one
	 * registered between the two reads is in only one of them; it is left to the next report rather than shown
	 * with half its figures.
	 */
	private static List<DepartmentProgress> departments(RateReport sharing, RateReport openness) {
		Map<String, RateRow> opened = openness.rows().stream().collect(Collectors.toMap(RateRow::key, Function.identity()));
		return sharing.rows().stream().filter(row -> opened.containsKey(row.key()))
			.map(row -> new DepartmentProgress(row.key(), row.name(), row, opened.get(row.key())))
			.toList();
	}

	private List<TrendMonth> trend(String regionCode, YearMonth last) {
		YearMonth first = last.minusMonths(TREND_MONTHS - 1);
		Map<String, TrendPoint> opened = this.snapshots.trend(Metric.OPENNESS, "REGION", regionCode, first, last).stream()
			.collect(Collectors.toMap(TrendPoint::period, Function.identity()));
		return this.snapshots.trend(Metric.SHARING, "REGION", regionCode, first, last).stream()
			.filter(point -> opened.containsKey(point.period()))
			.map(point -> new TrendMonth(point.period(), point.asOf(), point, opened.get(point.period())))
			.toList();
	}

}
