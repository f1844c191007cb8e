package cn.datahub.report.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

import cn.datahub.report.progress.ProgressTables.Table;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the report as an .xlsx workbook, a sheet per table (概况 with the heading above it, 部门, 趋势,
 * 未开放领域). Counts and rates are numbers, rates formatted as percentages, so an auditor can sort and sum them.
 */
class ProgressWorkbook implements ProgressRenderer {

	/** Widest column, in characters. */
	private static final int MAX_WIDTH = 50;

	@Override
	public void render(ProgressReport report, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			for (Table table : ProgressTables.of(report)) {
				Sheet sheet = workbook.createSheet(table.name());
				int next = 0;
				if (table.name().equals(ProgressTables.SUMMARY)) {
					for (List<Object> line : ProgressTables.heading(report)) {
						write(sheet.createRow(next++), line, styles);
					}
					next++;
				}
				Row header = sheet.createRow(next++);
				write(header, List.<Object>copyOf(table.headers()), styles);
				header.forEach(cell -> cell.setCellStyle(styles.header()));
				sheet.createFreezePane(0, next);
				for (List<Object> row : table.rows()) {
					write(sheet.createRow(next++), row, styles);
				}
				if (table.rows().isEmpty()) {
					write(sheet.createRow(next), List.of(table.whenEmpty()), styles);
				}
				size(sheet, table);
			}
			workbook.write(out);
		}
	}

	private static void write(Row row, List<Object> values, Styles styles) {
		for (int c = 0; c < values.size(); c++) {
			Object value = values.get(c);
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(c);
			if (value instanceof Long count) {
				cell.setCellValue(count);
			}
			else if (value instanceof Percent percent) {
				cell.setCellValue(percent.fraction().doubleValue());
				cell.setCellStyle(styles.percent());
			}
			else {
				cell.setCellValue(value.toString());
			}
		}
	}

	/**
	 * Columns as wide as their longest header or value, counting a Chinese character twice; POI's own sizing
	 * needs the fonts installed, which a server rarely has.
	 */
	private static void size(Sheet sheet, Table table) {
		for (int c = 0; c < table.headers().size(); c++) {
			int width = width(table.headers().get(c));
			for (List<Object> row : table.rows()) {
				width = Math.max(width, width(Objects.toString(row.get(c), "")));
			}
			sheet.setColumnWidth(c, Math.min(width + 2, MAX_WIDTH) * 256);
		}
	}

	private static int width(String text) {
		return text.codePoints().map(cp -> cp < 0x2E80 ? 1 : 2).sum();
	}

	/** The workbook's cell styles, made once: a workbook holds at most 64,000. */
	private record Styles(CellStyle header, CellStyle percent) {

		Styles(Workbook workbook) {
			this(workbook.createCellStyle(), workbook.createCellStyle());
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header.setFont(bold);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
		}

	}

}
