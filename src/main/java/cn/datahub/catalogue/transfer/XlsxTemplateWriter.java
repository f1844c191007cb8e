package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the template as an .xlsx workbook: the sheet 信息资源目录, streamed so that only a window of rows is in
 * memory however large the catalogue, then the sheet 填写说明 explaining each column.
 */
class XlsxTemplateWriter implements TemplateWriter {

	static final String SHEET = "信息资源目录";

	static final String INSTRUCTIONS_SHEET = "填写说明";

	private static final int ROWS_IN_MEMORY = 200;

	/** Column widths in characters, wide enough for typical content of each template column. */
	private static final int[] WIDTHS = { 22, 28, 22, 10, 12, 12, 30, 30, 12, 10, 14, 40, 60, 8 };

	private static final int[] INSTRUCTION_WIDTHS = { 14, 16, 14, 40, 48, 60 };

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);

	private final OutputStream out;

	private final List<List<String>> instructions;

	private final Sheet sheet;

	private final CellStyle headerStyle;

	private int next;

	XlsxTemplateWriter(OutputStream out, List<List<String>> instructions) {
		this.out = out;
		this.instructions = instructions;
		this.headerStyle = headerStyle();
		this.sheet = this.workbook.createSheet(SHEET);
		// Text cells, so that codes typed into the blank template keep their leading zeros and all 18 characters.
		CellStyle text = this.workbook.createCellStyle();
		text.setDataFormat(this.workbook.createDataFormat().getFormat("@"));
		for (int c = 0; c < WIDTHS.length; c++) {
			this.sheet.setColumnWidth(c, WIDTHS[c] * 256);
			this.sheet.setDefaultColumnStyle(c, text);
		}
		this.sheet.createFreezePane(0, 1);
	}

	@Override
	public void write(List<String> cells) {
		writeRow(this.sheet, this.next++, cells);
	}

	@Override
	public void close() throws IOException {
		try {
			Sheet help = this.workbook.createSheet(INSTRUCTIONS_SHEET);
			for (int r = 0; r < this.instructions.size(); r++) {
				writeRow(help, r, this.instructions.get(r));
			}
			for (int c = 0; c < INSTRUCTION_WIDTHS.length; c++) {
				help.setColumnWidth(c, INSTRUCTION_WIDTHS[c] * 256);
			}
			this.workbook.write(this.out);
		}
		finally {
			// Since POI 5.3 closing also deletes the temporary files the streamed rows were written to.
			this.workbook.close();
		}
	}

	private void writeRow(Sheet target, int index, List<String> cells) {
		Row row = target.createRow(index);
		for (int c = 0; c < cells.size(); c++) {
			String value = cells.get(c);
			if (value != null && !value.isEmpty()) {
				row.createCell(c).setCellValue(value);
			}
			if (index == 0) {
				row.getCell(c, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellStyle(this.headerStyle);
			}
		}
	}

	private CellStyle headerStyle() {
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		CellStyle style = this.workbook.createCellStyle();
		style.setFont(bold);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		return style;
	}

}
