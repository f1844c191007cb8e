package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.poi.EmptyFileException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the template from an .xlsx workbook: the sheet named 信息资源目录, or the first sheet when none is. Cells
 * are read as Excel displays them, so a code typed as a number keeps the digits the compiler sees.
 */
class XlsxTemplateReader implements TemplateReader {

	@Override
	public void read(InputStream in, Consumer<SheetRow> rows) throws IOException {
		try (XSSFWorkbook workbook = open(in)) {
			if (workbook.getNumberOfSheets() == 0) {
				return;
			}
			Sheet sheet = workbook.getSheet(XlsxTemplateWriter.SHEET);
			if (sheet == null) {
				sheet = workbook.getSheetAt(0);
			}
			DataFormatter formatter = new DataFormatter(Locale.ROOT);
			FormulaEvaluator formulas = workbook.getCreationHelper().createFormulaEvaluator();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>(Math.max(row.getLastCellNum(), 0));
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(formatter.formatCellValue(row.getCell(c), formulas));
				}
				rows.accept(new SheetRow(row.getRowNum() + 1, cells));
			}
		}
	}

	private static XSSFWorkbook open(InputStream in) throws IOException {
		try {
			return new XSSFWorkbook(in);
		}
		catch (OLE2NotOfficeXmlFileException ex) {
			throw new IOException("it is an Excel 97-2003 (.xls) workbook; save it as .xlsx", ex);
		}
		catch (NotOfficeXmlFileException | EmptyFileException | POIXMLException | OpenXML4JRuntimeException ex) {
			throw new IOException("it is not an .xlsx workbook (" + ex.getMessage() + ")", ex);
		}
	}

}
