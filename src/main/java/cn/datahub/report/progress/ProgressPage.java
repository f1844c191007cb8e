package cn.datahub.report.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.datahub.report.progress.ProgressTables.Table;

import org.springframework.web.util.HtmlUtils;

/**
 * Writes the report as one printable page: tables and server-drawn SVG charts, the style inline, no script and
 * nothing fetched from elsewhere, so that it prints, mails and archives as it is. The markup is also well-formed
 * XML: every text is escaped, every element closed.
 */
class ProgressPage implements ProgressRenderer {

	private static final String STYLE = """
			body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222;
				max-width: 62em; margin: 2em auto; padding: 0 1em; }
			h1 { font-size: 1.5em; margin-bottom: .3em; }
			h2 { font-size: 1.15em; border-bottom: 1px solid #bbb; padding-bottom: .2em; margin-top: 1.8em; }
			.meta { color: #555; margin: 0; }
			.note { color: #555; font-style: italic; }
			table { border-collapse: collapse; width: 100%; font-size: .9em; }
			th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; }
			th { background: #eee; font-weight: 600; }
			td.number { text-align: right; font-variant-numeric: tabular-nums; }
			svg { display: block; max-width: 100%; height: auto; margin: .8em 0; }
			svg text { font-size: 12px; fill: #333; }
			svg .axis { font-size: 10px; fill: #666; }
			.grid { stroke: #ddd; stroke-width: 1; }
			.bar.meets { fill: #3a7d44; }
			.bar.below { fill: #d9822b; }
			.bar.unjudged { fill: #7a8a99; }
			.target { stroke: #c0392b; stroke-width: 2; stroke-dasharray: 5 3; fill: none; }
			.line { fill: none; stroke-width: 2; }
			.sharing { stroke: #2e6da4; }
			.openness { stroke: #8e44ad; }
			circle.sharing { fill: #2e6da4; }
			circle.openness { fill: #8e44ad; }
			@page { size: A4; margin: 15mm; }
			@media print {
				body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
				section { break-inside: avoid; }
				h2 { break-after: avoid; }
				th, .bar, .sharing, .openness, .target { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
			}
			""";

	@Override
	public void render(ProgressReport report, OutputStream out) throws IOException {
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n")
			.append("<title>").append(escape(report.title())).append("</title>\n<style>\n").append(STYLE)
			.append("</style>\n</head>\n<body>\n<h1>").append(escape(report.title())).append("</h1>\n");
		// The heading's first line is the title, already the page's h1.
		for (List<Object> line : ProgressTables.heading(report).stream().skip(1).toList()) {
			html.append("<p class=\"meta\">").append(escape(line.get(0) + "：" + line.get(1))).append("</p>\n");
		}
		for (Table table : ProgressTables.of(report)) {
			html.append("<section>\n<h2>").append(escape(table.name())).append("</h2>\n").append(chart(table.name(), report));
			if (table.rows().isEmpty()) {
				html.append("<p class=\"note\">").append(escape(table.whenEmpty())).append("</p>\n");
			}
			else {
				table(html, table);
			}
			html.append("</section>\n");
		}
		out.write(html.append("</body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String chart(String table, ProgressReport report) {
		return switch (table) {
			case ProgressTables.DEPARTMENTS -> DepartmentChart.draw(report.departments());
			case ProgressTables.TREND -> TrendChart.draw(report.trend(), report.month());
			default -> "";
		};
	}

	private static void table(StringBuilder html, Table table) {
		html.append("<table>\n<thead><tr>");
		table.headers().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
		html.append("</tr></thead>\n<tbody>\n");
		for (List<Object> row : table.rows()) {
			html.append("<tr>");
			for (Object cell : row) {
				boolean number = cell instanceof Long || cell instanceof Percent;
				html.append(number ? "<td class=\"number\">" : "<td>").append(cell == null ? "" : escape(cell.toString()))
					.append("</td>");
			}
			html.append("</tr>\n");
		}
		html.append("</tbody>\n</table>\n");
	}

	/** Text for an element or attribute of the page or its charts: the five markup characters as references. */
	static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
