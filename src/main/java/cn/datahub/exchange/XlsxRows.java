package cn.datahub.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.SAXException;

/**
 * The records of an XLSX workbook's first sheet, read as they are consumed ({@link XlsxSheet}). The first row with
 * values is the header, item names or Chinese titles as in a CSV file; each later row with values under the header
 * is a record numbered by its Excel row, so that a dead letter's line is the row the department finds in Excel.
 * Rows without values are skipped; a blank cell is an empty string, as in a CSV file.
 */
final class XlsxRows extends SourceFiles.ReadAhead {

	private final String name;

	private final OPCPackage workbook;

	private final XlsxSheet sheet;

	/** The header's names by column, in column order; null until the header row is read. */
	private Map<Integer, String> header;

	private XlsxRows(String name, OPCPackage workbook, XlsxSheet sheet) {
		this.name = name;
		this.workbook = workbook;
		this.sheet = sheet;
	}

	/**
	 * Opens the workbook read-only, straight from the file (POI reads a zip entry only when asked for it).
	 * @throws UnreadableDrop when it is not a workbook POI can open: damaged, not a zip, encrypted, an .xls
	 */
	static XlsxRows open(Path file) {
		String name = file.getFileName().toString();
		OPCPackage workbook = null;
		try {
			workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(workbook);
			XlsxCells cells = XlsxCells.of(workbook, reader);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new NoSuchElementException("the workbook has no sheet");
			}
			return new XlsxRows(name, workbook, new XlsxSheet(sheets.next(), cells));
		}
		catch (OLE2NotOfficeXmlFileException ex) {
			throw unreadable(workbook, name + " is password-protected or an Excel 97-2003 (.xls) workbook; save it as an"
					+ " .xlsx workbook without a password", ex);
		}
		// whatever POI throws while opening the package means the file is not a workbook it can read
		catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException ex) {
			throw unreadable(workbook, name + " is not an XLSX workbook the hub can read: " + ex.getMessage(), ex);
		}
	}

	/** @throws UnreadableDrop when the sheet turns out to be damaged */
	@Override
	SourceRecord read() {
		try {
			for (Map<Integer, String> values = this.sheet.nextRow(); values != null; values = this.sheet.nextRow()) {
				if (this.header == null) {
					this.header = values.isEmpty() ? null : new TreeMap<>(values);
				}
				else if (this.header.keySet().stream().anyMatch(values::containsKey)) {
					return record(values);
				}
			}
			return null;
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw new UnreadableDrop(this.name + " is damaged after row " + this.sheet.row() + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.sheet.close();
		}
		finally {
			this.workbook.revert();
		}
	}

	/** The record of a row by the header's names, blanks as empty strings. */
	private SourceRecord record(Map<Integer, String> values) {
		Map<String, Object> record = new ColumnValues();
		this.header.forEach((column, title) -> record.put(title, values.getOrDefault(column, "")));
		return SourceFiles.record(this.sheet.row(), record);
	}

	private static UnreadableDrop unreadable(OPCPackage workbook, String message, Throwable cause) {
		if (workbook != null) {
			workbook.revert();
		}
		return new UnreadableDrop(message, cause);
	}

}
