package cn.datahub.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.Resource;
import cn.datahub.exchange.RecordConverter.Converted;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * XLSX drops read record by record: 个体工商户 of 冠县 as a department keeps them in Excel, with Chinese title headers,
 * dates and date-times, phone numbers typed as numbers, blank cells, empty rows and formulas.
 */
class XlsxRowsTests {

	private static final List<String> TITLES = List.of("统一社会信用代码", "市场主体名称", "经营者姓名", "联系电话", "成立日期",
			"核准时间", "注册资金（万元）", "是否连锁");

	private static final String SHEET = "xl/worksheets/sheet1.xml";

	private static final Resource REGISTRATIONS = new Resource("371525-SCJ-0002", "个体工商户营业执照登记信息",
			"11371525MB28604130", null, "MARKET_REGULATION", null, null, null, null, null, null, null,
			List.of(new DataItem("tyshxydm", "统一社会信用代码", "string", true), new DataItem("ztmc", "市场主体名称", "string", false),
					new DataItem("lxdh", "联系电话", "string", false), new DataItem("clrq", "成立日期", "date", false),
					new DataItem("hzsj", "核准时间", "datetime", false), new DataItem("zczj", "注册资金（万元）", "decimal", false),
					new DataItem("sfls", "是否连锁", "boolean", false)),
			null, 1, null);

	@TempDir
	Path folder;

	@Test
	void readsTheFirstSheetUnderItsTitleHeaderNumberingRecordsByExcelRow() throws IOException {
		List<SourceRecord> records = read(registrations());

		assertThat(records).extracting(SourceRecord::line).containsExactly(2L, 3L, 6L);
		assertThat(records.get(0).values()).containsOnlyKeys(TITLES);
		assertThat(records.get(0).values().keySet()).containsExactlyElementsOf(TITLES);
		assertThat(records.get(0).values()).contains(entry("统一社会信用代码", "92371525MA7P97J1M9"),
				entry("市场主体名称", "冠县清泉便民超市"), entry("经营者姓名", "张建国"));
	}

	@Test
	void numbersComeOutAsTypedAndDatesAsIsoText() throws IOException {
		SourceRecord first = read(registrations()).get(0);

		assertThat(first.values()).contains(entry("联系电话", "13812345678"), entry("成立日期", "2015-01-01"),
				entry("核准时间", "2021-03-04T09:30:00"), entry("注册资金（万元）", "5.5"), entry("是否连锁", "true"));
	}

	@Test
	void aBlankCellInTheMiddleKeepsTheOtherColumnsInPlace() throws IOException {
		SourceRecord second = read(registrations()).get(1);

		assertThat(second.values()).contains(entry("市场主体名称", "冠县烟庄家常菜馆"), entry("经营者姓名", ""),
				entry("联系电话", "15905358866"), entry("注册资金（万元）", "50000"));
	}

	@Test
	void formulaResultsAndTheBuiltInChineseDateFormatAreRead() throws IOException {
		SourceRecord third = read(registrations()).get(2);

		assertThat(sheetXml(registrations())).as("a formula's text result").contains("t=\"str\"");
		assertThat(third.values()).contains(entry("市场主体名称", "冠县定远水果店"), entry("成立日期", "2020-06-26"),
				entry("核准时间", "2018-04-16T00:00:00"), entry("是否连锁", "false"));
	}

	@Test
	void everyRecordPassesTheStrictDateChecksOfTheConverter() throws IOException {
		RecordConverter converter = new RecordConverter(REGISTRATIONS, ZoneId.of("Asia/Shanghai"));

		List<Converted> converted = read(registrations()).stream().map(converter::convert).toList();

		assertThat(converted).allSatisfy(c -> assertThat(c.accepted()).as("%s", c.rejection()).isTrue());
		assertThat(converted.get(0).record().get("clrq")).isEqualTo((int) LocalDate.of(2015, 1, 1).toEpochDay());
		assertThat(converted.get(0).record().get("hzsj")).isEqualTo(LocalDateTime.of(2021, 3, 4, 9, 30)
			.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli());
	}

	@Test
	void theRawFormIsAJsonObjectOfTheValuesThatReplaysAsTheyWere() throws IOException {
		SourceRecord second = read(registrations()).get(1);

		assertThat(SourceFiles.parse(second.line(), second.raw()).values()).isEqualTo(second.values());
	}

	@Test
	void inlineStringsOfAStreamedWorkbookAreRead() throws IOException {
		Path file = this.folder.resolve("个体工商户-流式.xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("登记信息");
			row(sheet, 0, "tyshxydm", "ztmc", "jycs");
			row(sheet, 1, "92371525MA3YXKA6HF", "冠县北馆手机维修部", "山东省聊城市冠县北馆陶镇红旗路31号");
			workbook.write(out);
		}
		String xml = sheetXml(file);
		assertThat(xml).as("SXSSF writes inline strings").contains("t=\"inlineStr\"");

		assertThat(read(file)).singleElement().satisfies(r -> assertThat(r.values()).containsExactly(
				entry("tyshxydm", "92371525MA3YXKA6HF"), entry("ztmc", "冠县北馆手机维修部"), entry("jycs", "山东省聊城市冠县北馆陶镇红旗路31号")));
	}

	@Test
	void datesOfAWorkbookCountingFrom1904AreTheDatesTyped() throws IOException {
		Path file = this.folder.resolve("个体工商户-mac.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			workbook.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
			Sheet sheet = workbook.createSheet();
			row(sheet, 0, "统一社会信用代码", "成立日期");
			Row row = row(sheet, 1, "92371525MA9Y0MW5M4");
			row.createCell(1).setCellValue(LocalDate.of(2019, 5, 21));
			row.getCell(1).setCellStyle(format(workbook, "yyyy-mm-dd"));
			workbook.write(out);
		}

		assertThat(read(file)).singleElement().satisfies(r -> assertThat(r.values()).containsEntry("成立日期", "2019-05-21"));
	}

	@Test
	void aSheetDamagedHalfwayIsUnreadableAfterTheLastRowRead() throws IOException {
		Path file = damaged(registrations(), "<row r=\"6\"");

		try (SourceFiles.RecordStream records = SourceFiles.open(file)) {
			assertThat(records.next().line()).isEqualTo(2);
			assertThat(records.next().line()).isEqualTo(3);
			assertThatThrownBy(records::hasNext).isInstanceOf(UnreadableDrop.class).hasMessageContaining("after row 5");
		}
	}

	@Test
	void aFileThatIsNotAZipIsUnreadableSayingWhy() throws IOException {
		Path file = Files.writeString(this.folder.resolve("个体工商户.xlsx"), "统一社会信用代码,市场主体名称\n");

		assertThatThrownBy(() -> SourceFiles.open(file)).isInstanceOf(UnreadableDrop.class)
			.hasMessageContaining("个体工商户.xlsx is not an XLSX workbook");
	}

	@Test
	void aPasswordProtectedWorkbookIsUnreadableSayingSo() throws Exception {
		Path file = this.folder.resolve("个体工商户-加密.xlsx");
		try (POIFSFileSystem encrypted = new POIFSFileSystem(); XSSFWorkbook workbook = registrationsWorkbook()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword("gxscj2026");
			try (OutputStream data = encryptor.getDataStream(encrypted)) {
				workbook.write(data);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				encrypted.writeFilesystem(out);
			}
		}

		assertThatThrownBy(() -> SourceFiles.open(file)).isInstanceOf(UnreadableDrop.class)
			.hasMessageContaining("password-protected");
	}

	@Test
	void anOldXlsWorkbookNamedXlsxIsUnreadableSayingSo() throws IOException {
		Path file = this.folder.resolve("个体工商户-97.xlsx");
		try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			row(workbook.createSheet(), 0, "统一社会信用代码");
			workbook.write(out);
		}

		assertThatThrownBy(() -> SourceFiles.open(file)).isInstanceOf(UnreadableDrop.class)
			.hasMessageContaining("(.xls)");
	}

	/**
	 * Row 1 the header; row 2 complete; row 3 without 经营者姓名; row 4 missing, row 5 only a formatted blank cell;
	 * row 6 a formula, a date in Chinese Excel's built-in 年月日 format and a date-time at midnight. A second sheet
	 * of notes is not read.
	 */
	private Path registrations() throws IOException {
		Path file = this.folder.resolve("个体工商户-2026-11.xlsx");
		try (XSSFWorkbook workbook = registrationsWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
		return file;
	}

	private static XSSFWorkbook registrationsWorkbook() {
		XSSFWorkbook workbook = new XSSFWorkbook();
		CellStyle date = format(workbook, "yyyy-mm-dd");
		CellStyle dateTime = format(workbook, "yyyy-mm-dd hh:mm:ss");
		Sheet sheet = workbook.createSheet("登记信息");
		row(sheet, 0, TITLES.toArray(String[]::new));
		Row complete = row(sheet, 1, "92371525MA7P97J1M9", "冠县清泉便民超市", "张建国");
		complete.createCell(3).setCellValue(13812345678d);
		complete.createCell(4).setCellValue(LocalDate.of(2015, 1, 1));
		complete.getCell(4).setCellStyle(date);
		complete.createCell(5).setCellValue(LocalDateTime.of(2021, 3, 4, 9, 30));
		complete.getCell(5).setCellStyle(dateTime);
		complete.createCell(6).setCellValue(5.5);
		complete.createCell(7).setCellValue(true);
		Row withoutName = row(sheet, 2, "92371525MAHN74NE9E", "冠县烟庄家常菜馆");
		withoutName.createCell(3).setCellValue(15905358866d);
		withoutName.createCell(6).setCellValue(50000d);
		sheet.createRow(4).createCell(2).setCellStyle(date);
		Row formulas = row(sheet, 5, "92371525MAXBTWBXKW");
		formulas.createCell(1).setCellFormula("\"冠县定远\"&\"水果店\"");
		formulas.createCell(4).setCellValue(LocalDate.of(2020, 6, 26));
		CellStyle chineseDate = workbook.createCellStyle();
		chineseDate.setDataFormat((short) 31);
		formulas.getCell(4).setCellStyle(chineseDate);
		formulas.createCell(5).setCellValue(LocalDate.of(2018, 4, 16).atStartOfDay());
		formulas.getCell(5).setCellStyle(format(workbook, "yyyy-mm-dd hh:mm"));
		formulas.createCell(7).setCellValue(false);
		workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		row(workbook.createSheet("填报说明"), 0, "本表由冠县市场监督管理局每月报送");
		return workbook;
	}

	static CellStyle format(Workbook workbook, String format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		return style;
	}

	static Row row(Sheet sheet, int index, String... texts) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < texts.length; i++) {
			row.createCell(i).setCellValue(texts[i]);
		}
		return row;
	}

	private static List<SourceRecord> read(Path file) throws IOException {
		List<SourceRecord> records = new ArrayList<>();
		try (SourceFiles.RecordStream stream = SourceFiles.open(file)) {
			stream.forEachRemaining(records::add);
		}
		return records;
	}

	private static String sheetXml(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return new String(zip.getInputStream(zip.getEntry(SHEET)).readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** A copy of the workbook beside it, its first sheet's XML cut off just before {@code cut}. */
	static Path damaged(Path file, String cut) throws IOException {
		Path damaged = file.resolveSibling("损坏-" + file.getFileName());
		try (ZipFile zip = new ZipFile(file.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged))) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				byte[] content = zip.getInputStream(entry).readAllBytes();
				if (entry.getName().equals(SHEET)) {
					String xml = new String(content, StandardCharsets.UTF_8);
					content = xml.substring(0, xml.indexOf(cut)).getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(content);
				out.closeEntry();
			}
		}
		return damaged;
	}

}
