package cn.datahub.catalogue.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Template files as a compiler's spreadsheet program writes them, built without the hub's own writers so that the
 * import is tested against independent files. Workbooks are streamed, so that a test of ten thousand rows spends
 * its time in the hub rather than in building its input.
 */
final class TemplateFiles {

	private TemplateFiles() {
	}

	static byte[] csv(List<List<String>> rows) {
		return ("\uFEFF" + rows.stream().map(TemplateFiles::csvLine).collect(Collectors.joining("\r\n")) + "\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(List<List<String>> rows) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("信息资源目录");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The header followed by the given rows. */
	static List<List<String>> withHeader(List<TemplateRow> rows) {
		List<List<String>> all = new ArrayList<>();
		all.add(TemplateRow.header());
		rows.forEach(r -> all.add(r.cells()));
		return all;
	}

	private static String csvLine(List<String> cells) {
		return cells.stream()
			.map(c -> c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
			.collect(Collectors.joining(","));
	}

}
