package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.HistoryEntry;
import cn.datahub.catalogue.OpenType;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceHistory;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.Resources;
import cn.datahub.catalogue.ShareType;
import cn.datahub.catalogue.UpdateCycle;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static cn.datahub.catalogue.transfer.TemplateFiles.csv;
import static cn.datahub.catalogue.transfer.TemplateFiles.withHeader;
import static cn.datahub.catalogue.transfer.TemplateFiles.xlsx;
import static cn.datahub.catalogue.transfer.TemplateRow.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid catalogue files, uploaded over HTTP, create and update resources in one go.
 */
@HubTest
@ExtendWith(CountyDepartments.class)
class CatalogueImportTests {

	@Autowired
	HubClient api;

	@Autowired
	Resources resources;

	@Autowired
	ResourceHistory history;

	@Test
	void importsCsvTemplateWithChineseLabelsAndCodes() {
		byte[] file = csv(withHeader(List.of(
				resource("371525-SCJ-1001", "企业营业执照信息").with(TemplateColumn.CATEGORY, "基础").with(TemplateColumn.STATUS, "已发布"),
				resource("371525-SCJ-1002", "食品经营许可证信息").with(TemplateColumn.SHARE_TYPE, "CONDITIONAL")
					.with(TemplateColumn.SHARE_CONDITION, "仅限市场监管执法和食品安全抽检使用")
					.with(TemplateColumn.OPEN_TYPE, "有条件开放")
					.with(TemplateColumn.UPDATE_CYCLE, "WEEKLY"),
				resource("371525-RSJ-1003", "职工参保登记信息").with(TemplateColumn.PROVIDER_CODE, CountyDepartments.HUMAN_RESOURCES)
					.with(TemplateColumn.DOMAIN, "SOCIAL_SECURITY")
					.with(TemplateColumn.SHARE_TYPE, "不予共享")
					.with(TemplateColumn.NOT_SHARED_BASIS, "《社会保险个人权益记录管理办法》第十四条")
					.with(TemplateColumn.OPEN_TYPE, "不予开放")
					.with(TemplateColumn.ITEMS, "sfzhm:公民身份号码:字符型:必填；xm:姓名:字符型\ncbrq:参保日期:日期型"))));

		ResponseEntity<JsonNode> response = this.api.upload("冠县市场监督管理局目录.csv", file);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(summary(response)).isEqualTo(new ImportSummary(3, 0, 0, 3));
		Resource licence = this.resources.find("371525-SCJ-1001").orElseThrow();
		assertThat(licence.status()).isEqualTo(ResourceStatus.PUBLISHED);
		assertThat(licence.domain()).isEqualTo("MARKET_REGULATION");
		assertThat(licence.items()).first().isEqualTo(new DataItem("tyshxydm", "统一社会信用代码", "string", true));
		Resource food = this.resources.find("371525-SCJ-1002").orElseThrow();
		assertThat(food.shareType()).isEqualTo(ShareType.CONDITIONAL);
		assertThat(food.shareCondition()).isEqualTo("仅限市场监管执法和食品安全抽检使用");
		assertThat(food.updateCycle()).isEqualTo(UpdateCycle.WEEKLY);
		Resource insured = this.resources.find("371525-RSJ-1003").orElseThrow();
		assertThat(insured.openType()).isEqualTo(OpenType.NOT_OPEN);
		assertThat(insured.items()).containsExactly(new DataItem("sfzhm", "公民身份号码", "string", true),
				new DataItem("xm", "姓名", "string", false), new DataItem("cbrq", "参保日期", "date", false));
	}

	@Test
	void importsXlsxTemplateIgnoringBlankRowsBelowTheCatalogue() {
		List<List<String>> rows = new ArrayList<>(withHeader(List.of(
				resource("371525-WJJ-1001", "医疗机构执业许可信息").with(TemplateColumn.PROVIDER_CODE, CountyDepartments.HEALTH)
					.with(TemplateColumn.DOMAIN, "医疗卫生")
					.with(TemplateColumn.ITEMS, "jgmc：机构名称：string：必填\nxkzh:许可证号:string:required\nyxqz:有效期至:date"),
				resource("371525-WJJ-1002", "执业医师注册信息").with(TemplateColumn.PROVIDER_CODE, CountyDepartments.HEALTH)
					.with(TemplateColumn.DOMAIN, "HEALTH"))));
		rows.add(List.of("", "", ""));
		rows.add(List.of());

		ResponseEntity<JsonNode> response = this.api.upload("冠县卫生健康局目录.xlsx", xlsx(rows));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(summary(response)).isEqualTo(new ImportSummary(2, 0, 0, 2));
		assertThat(this.resources.find("371525-WJJ-1001").orElseThrow().items()).containsExactly(
				new DataItem("jgmc", "机构名称", "string", true), new DataItem("xkzh", "许可证号", "string", true),
				new DataItem("yxqz", "有效期至", "date", false));
	}

	@Test
	void acceptsContractNamesAsHeadersInAnyOrder() {
		byte[] file = csv(List.of(
				List.of(" name ", "code", "providerCode", "domain", "shareType", "openType", "updateCycle", "items", "备注"),
				List.of("特种设备使用登记信息", "371525-SCJ-1101", CountyDepartments.MARKET_REGULATION, "WORK_SAFETY", "UNCONDITIONAL",
						"NOT_OPEN", "MONTHLY", "sbzcdm:设备注册代码:string:required", "县局自行补充")));

		ResponseEntity<JsonNode> response = this.api.upload("special-equipment.csv", file);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		Resource stored = this.resources.find("371525-SCJ-1101").orElseThrow();
		assertThat(stored.name()).isEqualTo("特种设备使用登记信息");
		assertThat(stored.status()).as("status defaults to draft").isEqualTo(ResourceStatus.DRAFT);
	}

	@Test
	void updatesChangedRowsAndLeavesUnchangedOnesAlone() {
		TemplateRow licence = resource("371525-SCJ-1201", "企业营业执照信息");
		TemplateRow permit = resource("371525-SCJ-1202", "药品经营许可证信息");
		this.api.upload("first.csv", csv(withHeader(List.of(licence, permit))));

		ResponseEntity<JsonNode> response = this.api.upload("second.csv",
				csv(withHeader(List.of(licence, permit.with(TemplateColumn.UPDATE_CYCLE, "实时")))));

		assertThat(summary(response)).isEqualTo(new ImportSummary(0, 1, 1, 2));
		assertThat(this.history.of("371525-SCJ-1201")).hasSize(1);
		assertThat(this.history.of("371525-SCJ-1202")).hasSize(2);
		assertThat(this.resources.find("371525-SCJ-1202").orElseThrow().updateCycle()).isEqualTo(UpdateCycle.REALTIME);
	}

	@Test
	void createsAResourceThatArrivesRetiredByPublishingThenRetiringIt() {
		byte[] file = csv(withHeader(List.of(resource("371525-SCJ-1401", "企业名称预先核准信息（已停用）")
			.with(TemplateColumn.STATUS, "已停用"))));

		ResponseEntity<JsonNode> response = this.api.upload("停用资源.csv", file);

		assertThat(summary(response)).isEqualTo(new ImportSummary(1, 0, 0, 1));
		assertThat(this.resources.find("371525-SCJ-1401").orElseThrow().status()).isEqualTo(ResourceStatus.RETIRED);
		assertThat(this.history.of("371525-SCJ-1401")).extracting(HistoryEntry::change)
			.containsExactly(HistoryEntry.Change.CREATED, HistoryEntry.Change.RETIRED);
	}

	@Test
	void departmentUploadsItsOwnCatalogue() {
		byte[] file = csv(withHeader(List.of(resource("371525-SCJ-1301", "计量器具强制检定信息"))));

		ResponseEntity<JsonNode> response = this.api.uploadFor(CountyDepartments.MARKET_REGULATION, "计量.csv", file);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(summary(response).created()).isEqualTo(1);
	}

	@Test
	void importsTheExampleRowOfTheBlankTemplates() throws IOException {
		Path folder = Path.of("catalogue/template");

		ResponseEntity<JsonNode> workbook = this.api.upload("信息资源目录模板.xlsx",
				Files.readAllBytes(folder.resolve("信息资源目录模板.xlsx")));
		ResponseEntity<JsonNode> csv = this.api.upload("信息资源目录模板.csv", Files.readAllBytes(folder.resolve("信息资源目录模板.csv")));

		assertThat(workbook.getStatusCode()).as("%s", workbook.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(summary(workbook)).isEqualTo(new ImportSummary(1, 0, 0, 1));
		assertThat(summary(csv)).as("the CSV template holds the same example").isEqualTo(new ImportSummary(0, 0, 1, 1));
		assertThat(this.resources.find("371525-SCJ-0001").orElseThrow().name()).isEqualTo("企业营业执照信息");
	}

	private static ImportSummary summary(ResponseEntity<JsonNode> response) {
		JsonNode body = response.getBody();
		return new ImportSummary(body.get("created").asInt(), body.get("updated").asInt(), body.get("unchanged").asInt(),
				body.get("total").asInt());
	}

}
