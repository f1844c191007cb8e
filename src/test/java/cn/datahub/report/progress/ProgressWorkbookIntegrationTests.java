package cn.datahub.report.progress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;

import static cn.datahub.report.RateFixture.GUANXIAN;
import static cn.datahub.report.RateFixture.GX_GA;
import static cn.datahub.report.RateFixture.GX_WJ;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook carries the hand-computed figures of the rate fixture as numbers an auditor can calculate with: a
 * sheet per table, rates as fractions shown as percentages.
 */
class ProgressWorkbookIntegrationTests extends ProgressFixtureTests {

	private static final DataFormatter SHOWN = new DataFormatter();

	@Test
	void workbookIsAnAttachmentNamedByItsTitle() {
		ResponseEntity<byte[]> response = this.downloads.get(GUANXIAN, null, "xlsx");

		assertThat(response.getHeaders().getContentType()).hasToString(
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(ProgressDownloads.disposition(response).isAttachment()).isTrue();
		assertThat(ProgressDownloads.disposition(response).getFilename())
			.isEqualTo(ProgressDownloads.title("冠县", YearMonth.now(this.clock)).replace(' ', '-') + ".xlsx");
	}

	@Test
	void departmentsSheetHoldsEachDepartmentsRatesAsPercentNumbers() throws IOException {
		try (XSSFWorkbook workbook = workbook(GUANXIAN, null)) {
			assertThat(sheetNames(workbook)).containsExactly("概况", "部门", "趋势", "未开放领域");
			Sheet departments = workbook.getSheet("部门");
			assertThat(shown(departments.getRow(0))).startsWith("部门代码", "部门名称", "共享资源数", "资源总数", "共享率");
			assertThat(departments.getLastRowNum()).isEqualTo(2);

			Row police = departments.getRow(1);
			assertThat(police.getCell(0).getStringCellValue()).isEqualTo(GX_GA.code());
			assertThat(police.getCell(1).getStringCellValue()).isEqualTo("冠县公安局");
			assertThat(police.getCell(2).getNumericCellValue()).isEqualTo(3);
			assertThat(police.getCell(3).getNumericCellValue()).isEqualTo(4);
			assertPercent(police.getCell(4), 0.75, "75.0%");
			assertPercent(police.getCell(5), 0.9, "90.0%");
			assertThat(police.getCell(6).getStringCellValue()).isEqualTo("未达标");
			assertPercent(police.getCell(9), 0.25, "25.0%");

			assertThat(shown(departments.getRow(2))).containsExactly(GX_WJ.code(), "冠县卫生健康局", "6", "6", "100.0%",
					"90.0%", "达标", "4", "5", "80.0%", "90.0%", "未达标");
		}
	}

	@Test
	void summarySheetStandsAtTodayForTheRunningMonth() throws IOException {
		LocalDate today = LocalDate.now(this.clock);
		try (XSSFWorkbook workbook = workbook(GUANXIAN, null)) {
			Sheet summary = workbook.getSheet("概况");
			assertThat(summary.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo(ProgressDownloads.title("冠县", YearMonth.from(today)));
			assertThat(shown(summary.getRow(2))).containsExactly("统计截至", today.toString());
			assertThat(shown(summary.getRow(5))).containsExactly("指标", "分子", "分母", "比率", "目标", "是否达标");
			assertThat(shown(summary.getRow(6))).containsExactly("信息资源共享率", "9", "10", "90.0%", "90.0%", "达标");
			assertPercent(summary.getRow(6).getCell(3), 0.9, "90.0%");
			assertThat(shown(summary.getRow(7))).containsExactly("公共信息资源社会开放率", "5", "9", "55.6%", "90.0%", "未达标");
			assertThat(summary.getRow(7).getCell(3).getNumericCellValue()).isEqualTo(5 / 9.0);
			assertThat(shown(summary.getRow(8))).containsExactly("公共数据开放领域覆盖率", "3", "22", "13.6%", "", "无目标");
		}
	}

	@Test
	void missingDomainsSheetListsTheNineteenDomainsWithoutAnOpenResource() throws IOException {
		try (XSSFWorkbook workbook = workbook(GUANXIAN, null)) {
			Sheet missing = workbook.getSheet("未开放领域");
			assertThat(missing.getLastRowNum()).isEqualTo(19);
			List<String> names = new ArrayList<>();
			for (int r = 1; r <= missing.getLastRowNum(); r++) {
				names.add(missing.getRow(r).getCell(1).getStringCellValue());
			}
			assertThat(names).contains("信用服务").doesNotContain("医疗卫生", "市场监管");
		}
	}

	@Test
	void pastMonthStandsAtItsLastDayBeforeTheDepartmentsWereRegistered() throws IOException {
		YearMonth last = YearMonth.now(this.clock).minusMonths(1);
		try (XSSFWorkbook workbook = workbook(GUANXIAN, last)) {
			Sheet summary = workbook.getSheet("概况");
			assertThat(shown(summary.getRow(2))).containsExactly("统计截至", last.atEndOfMonth().toString());
			assertThat(shown(summary.getRow(6))).containsExactly("信息资源共享率", "0", "0", "", "90.0%", "无资源");
			assertThat(shown(workbook.getSheet("部门").getRow(1))).containsExactly("本地区尚无登记的部门");
			assertThat(shown(workbook.getSheet("趋势").getRow(1))).singleElement().asString().startsWith("暂无月度快照");
		}
	}

	private XSSFWorkbook workbook(String regionCode, YearMonth month) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(this.downloads.get(regionCode, month, "xlsx").getBody()));
	}

	private static void assertPercent(Cell cell, double fraction, String shown) {
		assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(cell.getNumericCellValue()).isEqualTo(fraction);
		assertThat(cell.getCellStyle().getDataFormatString()).endsWith("%");
		assertThat(SHOWN.formatCellValue(cell)).isEqualTo(shown);
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

	/** The row's cells as Excel shows them, blanks included up to the last cell. */
	private static List<String> shown(Row row) {
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			cells.add(SHOWN.formatCellValue(row.getCell(c)));
		}
		return cells;
	}

}
