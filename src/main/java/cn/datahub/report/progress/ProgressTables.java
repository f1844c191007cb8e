package cn.datahub.report.progress;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import cn.datahub.report.RateRow;
import cn.datahub.report.TrendPoint;
import cn.datahub.report.progress.ProgressReport.DepartmentProgress;
import cn.datahub.report.progress.ProgressReport.Summary;
import cn.datahub.report.progress.ProgressReport.TrendMonth;

/**
 * The report as the tables every format shows, defined once so that the page, the CSV file and the workbook cannot
 * disagree on a column. Cells are text, counts ({@link Long}), {@link Percent}s, or {@code null} for blank.
 */
final class ProgressTables {

	static final String SUMMARY = "概况";

	static final String DEPARTMENTS = "部门";

	static final String TREND = "趋势";

	static final String MISSING_DOMAINS = "未开放领域";

	static final String NO_SNAPSHOTS = "暂无月度快照：所选月份及此前11个月尚未生成月度快照，趋势自第一次快照起显示";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ProgressTables() {
	}

	/** The lines above the tables: title, region, the day the figures stand at, when the report was made. */
	static List<List<Object>> heading(ProgressReport report) {
		return List.of(List.of(report.title()), List.of("地区", report.regionName() + "（" + report.regionCode() + "）"),
				List.of("统计截至", report.asOf().toString()), List.of("生成时间", TIME.format(report.generatedAt())));
	}

	static List<Table> of(ProgressReport report) {
		return List.of(summary(report), departments(report), trend(report), missingDomains(report));
	}

	private static Table summary(ProgressReport report) {
		return new Table(SUMMARY, List.of("指标", "分子", "分母", "比率", "目标", "是否达标"),
				report.summary().stream().map(ProgressTables::summaryRow).toList(), null);
	}

	private static List<Object> summaryRow(Summary summary) {
		RateRow row = summary.figures();
		return cells(summary.metric().label(), row.numerator(), row.denominator(), Percent.of(row.rate()),
				Percent.of(row.target()), verdict(row));
	}

	private static Table departments(ProgressReport report) {
		return new Table(DEPARTMENTS, List.of("部门代码", "部门名称", "共享资源数", "资源总数", "共享率", "共享率目标",
				"共享是否达标", "开放资源数", "22个领域资源数", "开放率", "开放率目标", "开放是否达标"),
				report.departments().stream().map(ProgressTables::departmentRow).toList(), "本地区尚无登记的部门");
	}

	private static List<Object> departmentRow(DepartmentProgress department) {
		RateRow sharing = department.sharing();
		RateRow openness = department.openness();
		return cells(department.code(), department.name(), sharing.numerator(), sharing.denominator(),
				Percent.of(sharing.rate()), Percent.of(sharing.target()), verdict(sharing), openness.numerator(),
				openness.denominator(), Percent.of(openness.rate()), Percent.of(openness.target()), verdict(openness));
	}

	private static Table trend(ProgressReport report) {
		return new Table(TREND, List.of("月份", "统计截至", "共享资源数", "资源总数", "共享率", "共享率目标", "开放资源数",
				"22个领域资源数", "开放率", "开放率目标"),
				report.trend().stream().map(ProgressTables::trendRow).toList(), NO_SNAPSHOTS);
	}

	private static List<Object> trendRow(TrendMonth month) {
		TrendPoint sharing = month.sharing();
		TrendPoint openness = month.openness();
		return cells(month.period(), month.asOf().toString(), sharing.numerator(), sharing.denominator(),
				Percent.of(sharing.rate()), Percent.of(sharing.target()), openness.numerator(), openness.denominator(),
				Percent.of(openness.rate()), Percent.of(openness.target()));
	}

	private static Table missingDomains(ProgressReport report) {
		return new Table(MISSING_DOMAINS, List.of("领域代码", "领域名称", "英文名称"),
				report.missingDomains().stream().map(d -> cells(d.code(), d.name(), d.nameEn())).toList(),
				"22个领域均已有开放资源");
	}

	/** 达标 or 未达标; without a target or without resources to count there is no verdict, and the cell says why. */
	static String verdict(RateRow row) {
		if (row.target() == null) {
			return "无目标";
		}
		if (row.meetsTarget() == null) {
			return "无资源";
		}
		return row.meetsTarget() ? "达标" : "未达标";
	}

	/** A row that may hold blanks, which {@link List#of} refuses. */
	private static List<Object> cells(Object... values) {
		return Arrays.asList(values);
	}

	/**
	 * One table: its name (the workbook's sheet, the CSV file's section), column headers and rows, and what to say
	 * instead of an empty table.
	 */
	record Table(String name, List<String> headers, List<List<Object>> rows, String whenEmpty) {
	}

}
