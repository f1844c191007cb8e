package cn.datahub.report.progress;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.datahub.report.TrendPoint;
import cn.datahub.report.progress.ProgressReport.TrendMonth;

/**
 * The region's sharing and openness rates over the report's twelve months as lines, a dot per snapshot, each
 * rate's target dashed in its colour. A target is drawn a month at a time, so it steps where a new year's target
 * begins and stops where a month has no snapshot.
 */
final class TrendChart {

	private static final int WIDTH = 640;

	private static final int LEFT = 48;

	private static final int RIGHT = WIDTH - 16;

	private static final int TOP = 12;

	private static final int HEIGHT = 200;

	private static final int BOTTOM = TOP + HEIGHT;

	private static final double SLOT = (RIGHT - LEFT) / (double) ProgressReports.TREND_MONTHS;

	private TrendChart() {
	}

	/** The chart of the twelve months up to {@code last}, or nothing before the first snapshot. */
	static String draw(List<TrendMonth> months, YearMonth last) {
		if (months.isEmpty()) {
			return "";
		}
		YearMonth first = last.minusMonths(ProgressReports.TREND_MONTHS - 1);
		Svg svg = new Svg("trend", WIDTH, BOTTOM + 64, "共享率与开放率月度趋势（虚线为考核目标）");
		for (int p = 0; p <= 100; p += 20) {
			double y = y(BigDecimal.valueOf(p, 2));
			svg.line("grid", LEFT, y, RIGHT, y).text("axis", LEFT - 6, y + 3, "end", p + "%");
		}
		for (int i = 0; i < ProgressReports.TREND_MONTHS; i++) {
			YearMonth month = first.plusMonths(i);
			svg.text("axis", x(i), BOTTOM + 16, "middle", month.getMonthValue() + "月");
			if (i == 0 || month.getMonthValue() == 1) {
				svg.text("axis", x(i), BOTTOM + 30, "middle", String.valueOf(month.getYear()));
			}
		}
		Map<String, TrendMonth> byPeriod = months.stream().collect(Collectors.toMap(TrendMonth::period, Function.identity()));
		series(svg, byPeriod, first, "sharing", "共享率", TrendMonth::sharing);
		series(svg, byPeriod, first, "openness", "开放率", TrendMonth::openness);
		legend(svg, BOTTOM + 52);
		return svg.end();
	}

	/** One rate: its months joined by a line, a dot per month with its figures, its target month by month. */
	private static void series(Svg svg, Map<String, TrendMonth> months, YearMonth first, String name, String label,
			Function<TrendMonth, TrendPoint> metric) {
		List<Plotted> plotted = new ArrayList<>();
		for (int i = 0; i < ProgressReports.TREND_MONTHS; i++) {
			TrendMonth month = months.get(first.plusMonths(i).toString());
			if (month != null) {
				plotted.add(new Plotted(i, month.period(), metric.apply(month)));
			}
		}
		plotted.stream().filter(p -> p.point().target() != null).forEach(p -> svg.line("target " + name,
				x(p.slot()) - SLOT / 2, y(p.point().target()), x(p.slot()) + SLOT / 2, y(p.point().target())));
		List<Plotted> rated = plotted.stream().filter(p -> p.point().rate() != null).toList();
		if (!rated.isEmpty()) {
			svg.shape("polyline", "line " + name, null, "points", rated.stream()
				.map(p -> Svg.number(x(p.slot())) + "," + Svg.number(y(p.point().rate()))).collect(Collectors.joining(" ")));
		}
		for (Plotted p : rated) {
			TrendPoint point = p.point();
			svg.shape("circle", name, p.period() + " " + label + " "
					+ Percent.figures(point.rate(), point.numerator(), point.denominator(), point.target()),
					"cx", x(p.slot()), "cy", y(point.rate()), "r", 3.0);
		}
	}

	private static void legend(Svg svg, double y) {
		String[][] entries = { { "line sharing", "共享率" }, { "target sharing", "共享率目标" }, { "line openness", "开放率" },
				{ "target openness", "开放率目标" } };
		svg.group("legend");
		for (int i = 0; i < entries.length; i++) {
			double x = LEFT + i * 140;
			svg.line(entries[i][0], x, y, x + 24, y).text("legend", x + 30, y + 4, "start", entries[i][1]);
		}
		svg.endGroup();
	}

	/** The middle of the {@code i}th month's slot. */
	private static double x(int i) {
		return LEFT + SLOT * (i + 0.5);
	}

	private static double y(BigDecimal fraction) {
		return TOP + HEIGHT * (1 - fraction.doubleValue());
	}

	/** A month with a snapshot, in its slot of the twelve. */
	private record Plotted(int slot, String period, TrendPoint point) {
	}

}
