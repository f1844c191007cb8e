package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.EmptyFileException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the template from an .xlsx workbook: the sheet named 信息资源目录, or the first sheet when none is. The
 * sheet is streamed through POI's event API, row by row, rather than loaded as a workbook model many times its size.
 * Cells are read as Excel displays them, so a code typed as a number keeps the digits the compiler sees.
 */
class XlsxTemplateReader implements TemplateReader {

	@Override
	public void read(InputStream in, Consumer<SheetRow> rows) throws IOException {
		try (OPCPackage workbook = OPCPackage.open(in)) {
			XSSFReader reader = new XSSFReader(workbook);
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(workbook),
					new RowCollector(rows), new DataFormatter(Locale.ROOT), false));
			try (InputStream sheet = catalogueSheet(reader)) {
				if (sheet != null) {
					parser.parse(new InputSource(sheet));
				}
			}
		}
		catch (OLE2NotOfficeXmlFileException ex) {
			throw new IOException("it is an Excel 97-2003 (.xls) workbook; save it as .xlsx", ex);
		}
		catch (NotOfficeXmlFileException | EmptyFileException | POIXMLException | OpenXML4JRuntimeException
				| OpenXML4JException | SAXException | ParserConfigurationException ex) {
			throw new IOException("it is not an .xlsx workbook (" + ex.getMessage() + ")", ex);
		}
	}

	/** The sheet named 信息资源目录, else the first, else null for a workbook without sheets. */
	private static InputStream catalogueSheet(XSSFReader reader) throws IOException, OpenXML4JException {
		XSSFReader.SheetIterator sheets = reader.getSheetIterator();
		InputStream chosen = null;
		while (sheets.hasNext()) {
			InputStream sheet = sheets.next();
			boolean named = XlsxTemplateWriter.SHEET.equals(sheets.getSheetName());
			if (chosen == null || named) {
				if (chosen != null) {
					chosen.close();
				}
				chosen = sheet;
				if (named) {
					break;
				}
			}
			else {
				sheet.close();
			}
		}
		return chosen;
	}

	/** Places each cell at its column, so that empty cells, which the file leaves out, keep the others in place. */
	private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Consumer<SheetRow> rows;

		private List<String> cells = new ArrayList<>();

		RowCollector(Consumer<SheetRow> rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			this.rows.accept(new SheetRow(rowNum + 1, this.cells));
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = reference == null ? this.cells.size() : new CellReference(reference).getCol();
			while (this.cells.size() < column) {
				this.cells.add(null);
			}
			this.cells.add(formattedValue);
		}

	}

}
