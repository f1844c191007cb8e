package cn.datahub.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

/**
 * The text of a workbook cell as the exchange reads it: strings as they are; flags {@code true}/{@code false};
 * numbers in plain notation without a trailing {@code .0} (a phone number typed as a number keeps its digits);
 * numbers formatted as dates as ISO dates, or ISO date-times when the value or its format has a time of day, the
 * forms {@link RecordConverter} reads.
 */
final class XlsxCells {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	/**
	 * The East Asian built-in formats (ECMA-376 18.8.30) that Chinese Excel and WPS give typed dates such as
	 * 2015年1月1日 without writing their format code into the file; POI does not know them as dates.
	 */
	private static final Set<Integer> CHINESE_DATES = Set.of(27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58);

	private static final Set<Integer> CHINESE_TIMES = Set.of(32, 33, 34, 35, 55, 56);

	private final SharedStrings strings;

	private final StylesTable styles;

	private final boolean date1904;

	/** What each style index makes of a number, worked out once per style. */
	private final Map<Integer, Kind> kinds = new HashMap<>();

	private XlsxCells(SharedStrings strings, StylesTable styles, boolean date1904) {
		this.strings = strings;
		this.styles = styles;
		this.date1904 = date1904;
	}

	/** The cells of a workbook: its shared strings (without phonetic runs), styles and date system. */
	static XlsxCells of(OPCPackage workbook, XSSFReader reader)
			throws IOException, OpenXML4JException, SAXException, XMLStreamException {
		return new XlsxCells(new ReadOnlySharedStringsTable(workbook, false), reader.getStylesTable(), date1904(reader));
	}

	/**
	 * @param type the cell's {@code t} attribute, null for a number
	 * @param style the cell's {@code s} attribute, 0 when it has none
	 * @param value the text of its {@code <v>}, null when it has none
	 * @param inline the text of its {@code <is>}, null when it has none
	 * @return the cell's text, null for a cell without a value
	 */
	String text(String type, int style, String value, String inline) {
		if (inline != null) {
			return inline;
		}
		if (value == null) {
			return null;
		}
		return switch (type == null ? "n" : type) {
			case "s" -> this.strings.getItemAt(Integer.parseInt(value.trim())).getString();
			case "b" -> String.valueOf("1".equals(value.trim()) || "true".equals(value.trim()));
			case "n" -> number(style, value.trim());
			default -> value;
		};
	}

	private String number(int style, String value) {
		BigDecimal number;
		try {
			number = new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return value;
		}
		Kind kind = this.kinds.computeIfAbsent(style, this::kind);
		if (kind == Kind.NUMBER || !DateUtil.isValidExcelDate(number.doubleValue())) {
			return number.stripTrailingZeros().toPlainString();
		}
		LocalDateTime when = DateUtil.getLocalDateTime(number.doubleValue(), this.date1904, true);
		if (kind == Kind.DATE && when.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return when.toLocalDate().toString();
		}
		return when.format(DATE_TIME);
	}

	private Kind kind(int style) {
		XSSFCellStyle cellStyle = this.styles == null || style >= this.styles.getNumCellStyles() ? null
				: this.styles.getStyleAt(style);
		if (cellStyle == null) {
			return Kind.NUMBER;
		}
		int id = cellStyle.getDataFormat() & 0xFFFF;
		String format = cellStyle.getDataFormatString();
		if (DateUtil.isADateFormat(id, format)) {
			return showsTime(format) ? Kind.DATE_TIME : Kind.DATE;
		}
		return CHINESE_TIMES.contains(id) ? Kind.DATE_TIME : CHINESE_DATES.contains(id) ? Kind.DATE : Kind.NUMBER;
	}

	/** Whether the workbook counts dates from 1904 (old Mac Excel) rather than from 1900. */
	private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
		try (InputStream in = reader.getWorkbookData()) {
			XMLStreamReader workbook = XlsxSheet.XML.createXMLStreamReader(in);
			while (workbook.hasNext()) {
				if (workbook.next() == XMLStreamConstants.START_ELEMENT && "workbookPr".equals(workbook.getLocalName())) {
					String value = workbook.getAttributeValue(null, "date1904");
					return "1".equals(value) || "true".equals(value);
				}
			}
			return false;
		}
	}

	/** Whether a date format shows hours or seconds, leaving out quoted text, escapes and [colour] or [$-804]. */
	private static boolean showsTime(String format) {
		String codes = format.replaceAll("\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]", "").toLowerCase(Locale.ROOT);
		return codes.contains("h") || codes.contains("s");
	}

	/** What a number formatted with a style is. */
	private enum Kind {

		NUMBER, DATE, DATE_TIME

	}

}
