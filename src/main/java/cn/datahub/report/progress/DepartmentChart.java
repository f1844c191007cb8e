package cn.datahub.report.progress;

import java.math.BigDecimal;
import java.util.List;

import cn.datahub.report.RateRow;
import cn.datahub.report.progress.ProgressReport.DepartmentProgress;

/**
 * Each department's sharing rate as a horizontal bar, green where it meets its target, orange where it does not,
 * with the target as a dashed line. The line is drawn a row at a time: where neighbours share a target the pieces
 * join into one line, and where they differ (a city's departments beside a county's) each keeps its own.
 */
final class DepartmentChart {

	private static final int LABEL_WIDTH = 230;

	private static final int BAR_AREA = 400;

	private static final int ROW = 26;

	private static final int BAR = 16;

	private static final int TOP = 24;

	/** Longest name in the label column, in characters; the bar's tooltip has it whole. */
	private static final int LONGEST_NAME = 16;

	private DepartmentChart() {
	}

	/** The chart, or nothing for a region without departments. */
	static String draw(List<DepartmentProgress> departments) {
		if (departments.isEmpty()) {
			return "";
		}
		double bottom = TOP + departments.size() * ROW;
		Svg svg = new Svg("departments", LABEL_WIDTH + BAR_AREA + 70, bottom + 8, "各部门信息资源共享率（虚线为考核目标）");
		for (int p = 0; p <= 100; p += 25) {
			double x = LABEL_WIDTH + BAR_AREA * p / 100.0;
			svg.line("grid", x, TOP - 4, x, bottom).text("axis", x, TOP - 8, "middle", p + "%");
		}
		for (int i = 0; i < departments.size(); i++) {
			row(svg, departments.get(i), TOP + i * ROW);
		}
		return svg.end();
	}

	/** A department's row from {@code y} down: its name, its bar and figures, its target. */
	private static void row(Svg svg, DepartmentProgress department, double y) {
		RateRow sharing = department.sharing();
		double baseline = y + ROW / 2.0 + 4;
		svg.text("label", LABEL_WIDTH - 8, baseline, "end", shortName(department.name()));
		if (sharing.rate() == null) {
			svg.text("note", LABEL_WIDTH + 4, baseline, "start", "无已发布资源");
		}
		else {
			double width = x(sharing.rate()) - LABEL_WIDTH;
			String state = sharing.meetsTarget() == null ? "unjudged" : sharing.meetsTarget() ? "meets" : "below";
			svg.shape("rect", "bar " + state, department.name() + " 共享率 "
					+ Percent.figures(sharing.rate(), sharing.numerator(), sharing.denominator(), sharing.target()),
					"x", (double) LABEL_WIDTH, "y", y + (ROW - BAR) / 2.0, "width", width, "height", (double) BAR)
				.text("value", LABEL_WIDTH + width + 4, baseline, "start", Percent.of(sharing.rate()).toString());
		}
		if (sharing.target() != null) {
			svg.line("target", x(sharing.target()), y, x(sharing.target()), y + ROW);
		}
	}

	private static double x(BigDecimal fraction) {
		return LABEL_WIDTH + BAR_AREA * fraction.doubleValue();
	}

	private static String shortName(String name) {
		return name.codePointCount(0, name.length()) <= LONGEST_NAME ? name
				: name.substring(0, name.offsetByCodePoints(0, LONGEST_NAME - 1)) + "…";
	}

}
