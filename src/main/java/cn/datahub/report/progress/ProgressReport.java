package cn.datahub.report.progress;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;

import cn.datahub.catalogue.reference.Domain;
import cn.datahub.report.Metric;
import cn.datahub.report.RateRow;
import cn.datahub.report.TrendPoint;

/**
 * A region's monthly progress report (月度进展报告): its rates as they stood at the end of {@code asOf}, the
 * month's last day or, while the month runs, the day the report was made; its departments' rates; the domains
 * it has yet to open; and the last twelve months' snapshots.
 *
 * @param summary the region as a whole: sharing, openness and coverage, in that order
 * @param departments every department of the region and the regions below it registered by {@code asOf}
 * @param trend the months of the last twelve that have a snapshot, oldest first; empty before the first one
 */
public record ProgressReport(String regionCode, String regionName, YearMonth month, LocalDate asOf,
		ZonedDateTime generatedAt, List<Summary> summary, List<DepartmentProgress> departments,
		List<Domain> missingDomains, List<TrendMonth> trend) {

	public ProgressReport {
		summary = List.copyOf(summary);
		departments = List.copyOf(departments);
		missingDomains = List.copyOf(missingDomains);
		trend = List.copyOf(trend);
	}

	public String title() {
		return this.regionName + " " + this.month.getYear() + "年" + this.month.getMonthValue() + "月 数据共享开放月度进展报告";
	}

	/** The name a download is saved under: the title, with hyphens for its spaces so the name needs no quoting. */
	String fileName(String extension) {
		return this.title().replace(' ', '-') + "." + extension;
	}

	/** One rate of the region as a whole. */
	public record Summary(Metric metric, RateRow figures) {
	}

	/** A department's sharing and openness, each against the target of its level. */
	public record DepartmentProgress(String code, String name, RateRow sharing, RateRow openness) {
	}

	/** One month's snapshot of the region: sharing and openness as recorded then. */
	public record TrendMonth(String period, LocalDate asOf, TrendPoint sharing, TrendPoint openness) {
	}

}
