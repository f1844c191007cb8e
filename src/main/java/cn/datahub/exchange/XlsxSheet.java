package cn.datahub.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;

/**
 * A worksheet's XML pulled one {@code <row>} at a time (StAX), straight from the zip entry, so that a sheet of
 * hundreds of thousands of rows is never held whole. Cells are placed by their reference ({@code C5}): the cells
 * Excel leaves out of a row are blanks and the others keep their columns.
 */
final class XlsxSheet implements AutoCloseable {

	static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

	private final InputStream in;

	private final XMLStreamReader xml;

	private final XlsxCells cells;

	/** The Excel number of the row read last. */
	private long row;

	XlsxSheet(InputStream in, XlsxCells cells) throws XMLStreamException {
		this.in = in;
		this.xml = XML.createXMLStreamReader(in);
		this.cells = cells;
	}

	/** The Excel number (from 1) of the row {@link #nextRow()} read last. */
	long row() {
		return this.row;
	}

	/** The next row's non-blank cells by zero-based column, or null after the last row. */
	Map<Integer, String> nextRow() throws XMLStreamException {
		while (this.xml.hasNext()) {
			if (this.xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(this.xml.getLocalName())) {
				String number = this.xml.getAttributeValue(null, "r");
				this.row = number == null ? this.row + 1 : Long.parseLong(number);
				Map<Integer, String> values = new HashMap<>();
				int column = -1;
				while (!end("row")) {
					if (this.xml.getEventType() == XMLStreamConstants.START_ELEMENT && "c".equals(this.xml.getLocalName())) {
						column = readCell(values, column);
					}
				}
				return values;
			}
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		try (InputStream stream = this.in) {
			this.xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	/** Reads one {@code <c>} into {@code values}; a cell without a reference follows the one before it. */
	private int readCell(Map<Integer, String> values, int previous) throws XMLStreamException {
		String reference = this.xml.getAttributeValue(null, "r");
		String type = this.xml.getAttributeValue(null, "t");
		String style = this.xml.getAttributeValue(null, "s");
		int column = reference == null ? previous + 1 : column(reference);
		String value = null;
		StringBuilder inline = null;
		while (!end("c")) {
			if (this.xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (this.xml.getLocalName()) {
				case "v" -> value = this.xml.getElementText();
				case "is" -> inline = new StringBuilder();
				case "t" -> {
					if (inline != null) {
						inline.append(this.xml.getElementText());
					}
				}
				case "rPh" -> skip();
				default -> {
				}
			}
		}
		String text = this.cells.text(type, style == null ? 0 : Integer.parseInt(style), value,
				inline == null ? null : inline.toString());
		if (text != null && !text.isBlank()) {
			values.put(column, text);
		}
		return column;
	}

	/** Moves to the next event; whether it ends the element {@code name}. */
	private boolean end(String name) throws XMLStreamException {
		return this.xml.next() == XMLStreamConstants.END_ELEMENT && name.equals(this.xml.getLocalName());
	}

	/** Skips the element just started (a phonetic run, whose text is not the cell's). */
	private void skip() throws XMLStreamException {
		for (int depth = 1; depth > 0;) {
			int event = this.xml.next();
			depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
		}
	}

	/** The zero-based column of a cell reference: {@code C5} is 2. */
	private static int column(String reference) {
		int column = 0;
		for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
			column = column * 26 + Character.toUpperCase(reference.charAt(i)) - 'A' + 1;
		}
		return column - 1;
	}

}
