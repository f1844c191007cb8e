package cn.datahub.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.CamelContext;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static cn.datahub.exchange.XlsxRowsTests.format;
import static cn.datahub.exchange.XlsxRowsTests.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An XLSX workbook dropped into a published resource's inbox through the real {@code pull-file} route: its rows
 * come out as Avro in the file outbox, a bad row waits in the dead-letter store under its Excel row number, and a
 * workbook that cannot be opened is set aside in {@code failed/} with a failed run.
 */
@HubTest
class XlsxDropIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ExchangeProperties properties;

	@Autowired
	private CamelContext camel;

	@TempDir
	Path folder;

	private HubClient api;

	private String code;

	@BeforeEach
	void publishTheResource(TestInfo test) {
		this.api = new HubClient(this.http);
		this.code = ExchangeFixtures.publishFor(this.api, test, "X");
	}

	@Test
	void droppedWorkbookComesOutAsAvroWithItsBadRowDeadLetteredByExcelRow() throws IOException {
		Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), registrations(),
				"个体工商户-2026-11.xlsx", this.code);

		assertThat(ExchangeFixtures.done(dropped)).isTrue();
		List<GenericRecord> records = new Outbox(this.properties).records(this.code);
		assertThat(records).extracting(r -> r.get("tyshxydm").toString()).containsExactly("92371525MA7P97J1M9",
				"92371525MAHN74NE9E", "92371525MAXBTWBXKW");
		GenericRecord first = records.get(0);
		assertThat(first.get("ztmc").toString()).isEqualTo("冠县清泉便民超市");
		assertThat(first.get("jyzxm").toString()).isEqualTo("张建国");
		assertThat(first.get("clrq")).isEqualTo((int) LocalDate.of(2015, 1, 1).toEpochDay());
		GenericRecord second = records.get(1);
		assertThat(second.get("jyzxm")).as("a blank cell").isNull();
		assertThat(second.get("jycs").toString()).isEqualTo("山东省聊城市冠县烟庄街道红旗路17号");
		assertThat(second.get("clrq")).isEqualTo((int) LocalDate.of(2016, 2, 6).toEpochDay());

		JsonNode run = this.api.get("/api/exchange/runs", "resourceCode", this.code).path("items").get(0);
		assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(run.path("recordsIn").asLong()).isEqualTo(4);
		assertThat(run.path("recordsOut").asLong()).isEqualTo(3);
		assertThat(run.path("rejected").asLong()).isEqualTo(1);
		JsonNode letters = this.api.get("/api/exchange/dead-letters", "resourceCode", this.code, "status", "OPEN")
			.path("items");
		assertThat(letters).hasSize(1);
		assertThat(letters.get(0).path("field").asText()).isEqualTo("tyshxydm");
		assertThat(letters.get(0).path("line").asLong()).as("the row the department sees in Excel").isEqualTo(6);
		assertThat(letters.get(0).path("raw").asText()).contains("\"市场主体名称\":\"冠县东古五金建材店\"");
	}

	@Test
	void aWorkbookThatCannotBeOpenedMovesToFailedWithAFailedRun() throws IOException {
		byte[] whole = Files.readAllBytes(registrations());
		Path truncated = Files.write(this.folder.resolve("truncated.xlsx"), Arrays.copyOf(whole, whole.length / 2));

		Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), truncated, "个体工商户-损坏.xlsx",
				this.code);

		assertThat(dropped.resolveSibling("failed").resolve(dropped.getFileName())).exists();
		assertThat(dropped).doesNotExist();
		JsonNode run = this.api.get("/api/exchange/runs", "resourceCode", this.code).path("items").get(0);
		assertThat(run.path("status").asText()).isEqualTo("FAILED");
		assertThat(run.path("source").asText()).isEqualTo("file:个体工商户-损坏.xlsx");
		assertThat(run.path("error").asText()).contains("个体工商户-损坏.xlsx is not an XLSX workbook the hub can read");
		assertThat(new Outbox(this.properties).files(this.code)).isEmpty();
	}

	@Test
	void aWorkbookFoundDamagedWhileReadingMovesToFailedInsteadOfBeingReadAgainAndAgain() throws IOException {
		Path damaged = XlsxRowsTests.damaged(registrations(), "<row r=\"6\"");

		Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), damaged, "个体工商户-半截.xlsx",
				this.code);

		assertThat(dropped.resolveSibling("failed").resolve(dropped.getFileName())).exists();
		JsonNode run = this.api.get("/api/exchange/runs", "resourceCode", this.code).path("items").get(0);
		assertThat(run.path("status").asText()).isEqualTo("FAILED");
		assertThat(run.path("error").asText()).contains("个体工商户-半截.xlsx is damaged after row 3");
	}

	@Test
	void theLockFileExcelKeepsBesideAnOpenWorkbookIsLeftAlone() throws IOException {
		Path folder = Files.createDirectories(this.properties.inbox().resolve(this.code));
		Path lock = Files.write(folder.resolve("~$个体工商户-编辑中.xlsx"), new byte[165]);

		Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), registrations(),
				"个体工商户-编辑中.xlsx", this.code);

		assertThat(ExchangeFixtures.done(dropped)).isTrue();
		assertThat(lock).exists();
		assertThat(folder.resolve("failed")).doesNotExist();
	}

	/**
	 * 个体工商户 of 冠县 as a department keeps them: Chinese titles in row 1, 成立日期 as Excel dates, 经营者姓名 left
	 * blank in row 3, row 4 empty, a wrong check character in row 6's 统一社会信用代码.
	 */
	private Path registrations() throws IOException {
		Path file = this.folder.resolve("registrations.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			CellStyle date = format(workbook, "yyyy-mm-dd");
			Sheet sheet = workbook.createSheet("个体工商户");
			row(sheet, 0, "统一社会信用代码", "市场主体名称", "经营者姓名", "组成形式", "经营场所", "成立日期", "登记状态");
			registration(sheet, 1, date, LocalDate.of(2015, 1, 1), "92371525MA7P97J1M9", "冠县清泉便民超市", "张建国", "个人经营",
					"山东省聊城市冠县清泉街道振兴路10号");
			registration(sheet, 2, date, LocalDate.of(2016, 2, 6), "92371525MAHN74NE9E", "冠县烟庄家常菜馆", null, "个人经营",
					"山东省聊城市冠县烟庄街道红旗路17号");
			registration(sheet, 5, date, LocalDate.of(2017, 3, 11), "92371525MA0KAE0150", "冠县东古五金建材店", "李丽娜",
					"个人经营", "山东省聊城市冠县东古城镇振兴路24号");
			registration(sheet, 6, date, LocalDate.of(2020, 6, 26), "92371525MAXBTWBXKW", "冠县定远水果店", "陈永刚", "个人经营",
					"山东省聊城市冠县定远寨镇建设路45号");
			workbook.write(out);
		}
		return file;
	}

	private static void registration(Sheet sheet, int index, CellStyle date, LocalDate founded, String... texts) {
		Row row = row(sheet, index);
		for (int i = 0; i < texts.length; i++) {
			if (texts[i] != null) {
				row.createCell(i).setCellValue(texts[i]);
			}
		}
		row.createCell(5).setCellValue(founded);
		row.getCell(5).setCellStyle(date);
		row.createCell(6).setCellValue("存续");
	}

}
