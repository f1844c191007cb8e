package cn.datahub.catalogue.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.HubApplication;
import cn.datahub.catalogue.Catalogue;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceQuery;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.Resources;
import cn.datahub.testing.TestAccounts;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static cn.datahub.catalogue.transfer.TemplateFiles.csv;
import static cn.datahub.catalogue.transfer.TemplateFiles.withHeader;
import static cn.datahub.catalogue.transfer.TemplateRow.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports are the template with Chinese labels, and they import back: unchanged into the same hub, identical into
 * an empty one.
 */
@HubTest
@ExtendWith(CountyDepartments.class)
class CatalogueExportTests {

	@Autowired
	HubClient api;

	@Autowired
	Catalogue catalogue;

	@Autowired
	Resources resources;

	@Test
	void exportsWorkbookWithChineseLabelsAndInstructions() throws IOException {
		importFor(CountyDepartments.PUBLIC_SECURITY, resource("371525-GAJ-4001", "户籍人口基本信息")
			.with(TemplateColumn.CATEGORY, "BASE").with(TemplateColumn.DOMAIN, "NONE").with(TemplateColumn.UPDATE_CYCLE, "REALTIME")
			.with(TemplateColumn.ITEMS, "sfzhm:公民身份号码:string:required;xm:姓名:string;csrq:出生日期:date")
			.with(TemplateColumn.STATUS, "PUBLISHED"));

		ResponseEntity<byte[]> response = this.api.export("format=xlsx&providerCode=" + CountyDepartments.PUBLIC_SECURITY);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
			.containsPattern("filename\\*=UTF-8''%E4%BF%A1%E6%81%AF%E8%B5%84%E6%BA%90%E7%9B%AE%E5%BD%95-\\d{8}\\.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("信息资源目录");
			assertThat(workbook.getSheetName(1)).isEqualTo("填写说明");
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(cells(sheet.getRow(0))).isEqualTo(TemplateColumn.headers());
			assertThat(cells(sheet.getRow(1))).containsExactly("371525-GAJ-4001", "户籍人口基本信息",
					CountyDepartments.PUBLIC_SECURITY, "基础", "无", "无条件共享", "", "", "无条件开放", "实时", "接口",
					"冠县辖区内户籍人口基本信息，由冠县市场监督管理局在登记和监管过程中采集。",
					"sfzhm:公民身份号码:字符型:必填;xm:姓名:字符型;csrq:出生日期:日期型", "已发布");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
		}
	}

	@Test
	void workbookExportImportsBackUnchangedIncludingRetiredResources() {
		String provider = CountyDepartments.CIVIL_AFFAIRS;
		importFor(provider,
				resource("371525-MZJ-4101", "城乡低保对象信息").with(TemplateColumn.DOMAIN, "社会救助")
					.with(TemplateColumn.SHARE_TYPE, "有条件共享")
					.with(TemplateColumn.SHARE_CONDITION, "仅限社会救助审核和民生保障使用，不得向第三方提供")
					.with(TemplateColumn.OPEN_TYPE, "不予开放").with(TemplateColumn.STATUS, "已发布"),
				resource("371525-MZJ-4102", "婚姻登记信息").with(TemplateColumn.DOMAIN, "NONE").with(TemplateColumn.OPEN_TYPE, "不予开放")
					.with(TemplateColumn.ITEMS, "djzh:登记证号:string:required;nfxm:男方姓名:string;nvfxm:女方姓名:string;djrq:登记日期:date"),
				resource("371525-MZJ-4103", "社会组织登记信息（旧版）").with(TemplateColumn.DOMAIN, "机构团体")
					.with(TemplateColumn.STATUS, "已发布"));
		this.catalogue.moveTo("371525-MZJ-4103", ResourceStatus.RETIRED);
		byte[] exported = this.api.export("format=xlsx&providerCode=" + provider).getBody();

		assertImportsBackUnchanged("再导入.xlsx", exported, 3);
	}

	@Test
	void csvExportCarriesABomAndImportsBackUnchanged() {
		String provider = CountyDepartments.MEDICAL_INSURANCE;
		importFor(provider,
				resource("371525-YBJ-4201", "基本医疗保险参保人员信息").with(TemplateColumn.DOMAIN, "医疗卫生")
					.with(TemplateColumn.SHARE_TYPE, "有条件共享")
					.with(TemplateColumn.SHARE_CONDITION, "仅限医疗救助和社会保障业务使用，需经冠县医疗保障局审核")
					.with(TemplateColumn.OPEN_TYPE, "不予开放")
					.with(TemplateColumn.SUMMARY, "记录参保人员姓名、参保类型、缴费状态，\"参保凭证\"编号等，用于待遇核定。")
					.with(TemplateColumn.STATUS, "已发布"),
				resource("371525-YBJ-4202", "定点医药机构信息").with(TemplateColumn.DOMAIN, "医疗卫生"));

		ResponseEntity<byte[]> response = this.api.export("format=csv&providerCode=" + provider);

		assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
		byte[] exported = response.getBody();
		assertThat(Arrays.copyOf(exported, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(exported, StandardCharsets.UTF_8)).contains("有条件共享", "医疗卫生", "已发布", "草稿");
		assertImportsBackUnchanged("再导入.csv", exported, 2);
	}

	@Test
	void exportFiltersByStatus() {
		importFor(CountyDepartments.MARKET_REGULATION,
				resource("371525-SCJ-4301", "广告经营许可信息").with(TemplateColumn.STATUS, "已发布"),
				resource("371525-SCJ-4302", "网络交易经营者信息"));

		String drafts = new String(this.api.export("format=csv&status=DRAFT&providerCode=" + CountyDepartments.MARKET_REGULATION)
			.getBody(), StandardCharsets.UTF_8);

		assertThat(drafts).contains("371525-SCJ-4302").doesNotContain("371525-SCJ-4301").doesNotContain("已发布");
	}

	@Test
	void refusesAnUnknownExportFormat() {
		assertThat(this.api.export("format=pdf").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void workbookExportRecreatesIdenticalResourcesInAnEmptyHubRetiredOnesIncluded() {
		String provider = CountyDepartments.TRANSPORT;
		importFor(provider,
				resource("371525-JTJ-4401", "道路运输经营许可信息").with(TemplateColumn.DOMAIN, "交通运输")
					.with(TemplateColumn.SHARE_TYPE, "有条件共享").with(TemplateColumn.SHARE_CONDITION, "仅限交通执法和信用监管使用")
					.with(TemplateColumn.OPEN_TYPE, "有条件开放")
					.with(TemplateColumn.ITEMS, "xkzh:经营许可证号:string:required;yhmc:业户名称:string:required;"
							+ "jyfw:经营范围:string;yxqz:有效期至:date;clsl:车辆数:integer")
					.with(TemplateColumn.STATUS, "已发布"),
				resource("371525-JTJ-4402", "机关公文处理信息").with(TemplateColumn.DOMAIN, "无")
					.with(TemplateColumn.SHARE_TYPE, "不予共享").with(TemplateColumn.NOT_SHARED_BASIS, "《党政机关公文处理工作条例》")
					.with(TemplateColumn.OPEN_TYPE, "不予开放").with(TemplateColumn.FORMAT, "").with(TemplateColumn.SUMMARY, ""),
				resource("371525-JTJ-4403", "公路超限运输许可信息（2019版）").with(TemplateColumn.DOMAIN, "交通运输")
					.with(TemplateColumn.STATUS, "已发布"));
		this.catalogue.moveTo("371525-JTJ-4403", ResourceStatus.RETIRED);
		byte[] exported = this.api.export("format=xlsx&providerCode=" + provider).getBody();
		List<Resource> here = this.resources.list(new ResourceQuery(provider, null, 0, 100));

		try (ConfigurableApplicationContext emptyHub = new SpringApplicationBuilder(HubApplication.class).profiles("test")
			.run("--server.port=0")) {
			CountyDepartments.registerIn(emptyHub);
			TestRestTemplate emptyRest = new TestRestTemplate(new RestTemplateBuilder()
				.rootUri("http://localhost:" + emptyHub.getEnvironment().getProperty("local.server.port"))
				.basicAuthentication(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD));

			ResponseEntity<JsonNode> response = new HubClient(emptyRest).upload("交通运输局目录.xlsx", exported);

			assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody().get("created").asInt()).isEqualTo(3);
			List<Resource> there = emptyHub.getBean(Resources.class).list(new ResourceQuery(provider, null, 0, 100));
			assertThat(there).usingRecursiveFieldByFieldElementComparatorIgnoringFields("version", "updatedAt")
				.containsExactlyElementsOf(here);
		}
	}

	/** Imports rows of one department's catalogue, each with its code as the provider's, as the test's setting. */
	private void importFor(String provider, TemplateRow... rows) {
		ResponseEntity<JsonNode> response = this.api.upload("setup.csv",
				csv(withHeader(Stream.of(rows).map(r -> r.with(TemplateColumn.PROVIDER_CODE, provider)).toList())));
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
	}

	/** Uploads an export into the hub it came from, where every one of its resources must be found unchanged. */
	private void assertImportsBackUnchanged(String fileName, byte[] exported, int resources) {
		ResponseEntity<JsonNode> reimport = this.api.upload(fileName, exported);
		assertThat(reimport.getStatusCode()).as("%s", reimport.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(reimport.getBody().get("unchanged").asInt()).isEqualTo(resources);
		assertThat(reimport.getBody().get("total").asInt()).isEqualTo(resources);
	}

	private static List<String> cells(Row row) {
		return java.util.stream.IntStream.range(0, TemplateColumn.values().length)
			.mapToObj(c -> row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue())
			.toList();
	}

}
