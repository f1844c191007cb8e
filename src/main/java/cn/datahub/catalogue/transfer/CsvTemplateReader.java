package cn.datahub.catalogue.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * Reads a UTF-8 CSV template. Rows are numbered by record, as Excel shows them, so a cell whose data items span
 * several lines is still one row.
 */
class CsvTemplateReader implements TemplateReader {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

	@Override
	public void read(InputStream in, Consumer<SheetRow> rows) throws IOException {
		try (MappingIterator<String[]> records = CSV.readerFor(String[].class).readValues(utf8(in))) {
			int number = 0;
			while (records.hasNextValue()) {
				rows.accept(new SheetRow(++number, Arrays.asList(records.nextValue())));
			}
		}
		catch (CharacterCodingException ex) {
			throw new IOException("it is not UTF-8 text; save it as \"CSV UTF-8 (逗号分隔)\"", ex);
		}
	}

	/**
	 * Text that must be UTF-8: Excel saves CSV in the system code page (GBK on Chinese Windows) unless told
	 * otherwise, and such a file must be refused rather than read as garbled names. A leading BOM is dropped.
	 */
	static Reader utf8(InputStream in) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(in);
		buffered.mark(BOM.length);
		if (!Arrays.equals(buffered.readNBytes(BOM.length), BOM)) {
			buffered.reset();
		}
		return new InputStreamReader(buffered, StandardCharsets.UTF_8.newDecoder());
	}

}
