package cn.datahub.catalogue.transfer;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.catalogue.Resources;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static cn.datahub.catalogue.transfer.TemplateFiles.csv;
import static cn.datahub.catalogue.transfer.TemplateFiles.withHeader;
import static cn.datahub.catalogue.transfer.TemplateFiles.xlsx;
import static cn.datahub.catalogue.transfer.TemplateRow.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A file with any invalid row is refused as a whole, with every error located by row and column.
 */
@HubTest
@ExtendWith(CountyDepartments.class)
class ImportRejectionTests {

	@Autowired
	HubClient api;

	@Autowired
	ObjectMapper json;

	@Autowired
	Resources resources;

	@Test
	void storesNothingWhenOneRowOfFiveHundredIsInvalid() {
		List<TemplateRow> rows = new ArrayList<>();
		IntStream.rangeClosed(1, 500).forEach(i -> rows.add(resource("371525-SCJ-2%03d".formatted(i), "企业年度报告信息（第" + i + "批）")));
		// Row 317 as the compiler sees it: the header is row 1, so this is the 316th resource.
		rows.get(315).with(TemplateColumn.SHARE_TYPE, "有条件共享").with(TemplateColumn.SHARE_CONDITION, "");

		ResponseEntity<JsonNode> response = this.api.upload("年报.xlsx", xlsx(withHeader(rows)));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(errors(response)).containsExactly(
				new ImportError(317, "共享条件", "shareCondition", "must not be blank", "共享条件不能为空"));
		assertThat(this.resources.findAll(rows.stream().map(r -> r.cells().get(0)).toList())).isEmpty();
	}

	@Test
	void reportsEveryErrorOfEveryRow() {
		byte[] file = csv(withHeader(List.of(
				resource("371525-SCJ-2601", "企业经营异常名录信息").with(TemplateColumn.SHARE_TYPE, "部分共享"),
				resource("371525-SCJ-2602", "行政处罚决定信息"),
				resource("371525-SCJ-2603", "产品质量监督抽查信息").with(TemplateColumn.DOMAIN, "质量监管")
					.with(TemplateColumn.SHARE_TYPE, "不予共享").with(TemplateColumn.OPEN_TYPE, "无条件开放"),
				resource("371525-SCJ-2604", "").with(TemplateColumn.CATEGORY, "基础").with(TemplateColumn.SHARE_TYPE, "有条件共享")
					.with(TemplateColumn.SHARE_CONDITION, "仅限执法使用"))));

		ResponseEntity<JsonNode> response = this.api.upload("冠县市场监督管理局目录.csv", file);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(errors(response)).extracting(ImportError::row, ImportError::column, ImportError::field).containsExactly(
				tuple(2, "共享类型", "shareType"),
				tuple(4, "所属领域", "domain"),
				tuple(4, "不予共享依据", "notSharedBasis"),
				tuple(4, "开放类型", "openType"),
				tuple(5, "信息资源名称", "name"),
				tuple(5, "共享类型", "shareType"));
		assertThat(errors(response).get(0).messageZh()).contains("无条件共享", "有条件共享", "不予共享");
		assertThat(response.getBody().get("detail").asText()).contains("6 error(s) in 3 row(s)");
		assertThat(this.resources.find("371525-SCJ-2602")).as("the valid row is not stored either").isEmpty();
	}

	@Test
	void refusesACodeThatAppearsTwiceInTheFile() {
		byte[] file = csv(withHeader(List.of(resource("371525-SCJ-2701", "企业营业执照信息"),
				resource("371525-SCJ-2702", "个体工商户登记信息"), resource("371525-SCJ-2701", "企业注销登记信息"))));

		ResponseEntity<JsonNode> response = this.api.upload("重复.csv", file);

		assertThat(errors(response)).containsExactly(
				new ImportError(4, "信息资源代码", "code", "duplicates the code in row 2", "信息资源代码与第2行重复"));
	}

	@Test
	void refusesAProviderThatIsNotRegistered() {
		byte[] file = csv(withHeader(List.of(
				resource("371525-SCJ-2801", "企业营业执照信息").with(TemplateColumn.PROVIDER_CODE, CountyDepartments.UNREGISTERED))));

		ResponseEntity<JsonNode> response = this.api.upload("未登记部门.csv", file);

		assertThat(errors(response)).extracting(ImportError::row, ImportError::column, ImportError::field, ImportError::messageZh)
			.containsExactly(tuple(2, "提供方代码", "providerCode", "提供方未在目录中登记"));
	}

	@Test
	void locatesFaultyDataItemsByTheirPositionInTheCell() {
		byte[] file = csv(withHeader(List.of(resource("371525-SCJ-2901", "企业营业执照信息")
			.with(TemplateColumn.ITEMS, "tyshxydm:统一社会信用代码:string:required;qymc企业名称;clrq:成立日期:timestamp;"
					+ "zczb:注册资本:decimal:maybe;1fr:法人:string"))));

		ResponseEntity<JsonNode> response = this.api.upload("信息项.csv", file);

		assertThat(errors(response)).extracting(ImportError::row, ImportError::column, ImportError::field).containsExactly(
				tuple(2, "信息项", "items[1]"),
				tuple(2, "信息项", "items[3].required"),
				tuple(2, "信息项", "items[2].type"),
				tuple(2, "信息项", "items[4].name"));
	}

	@Test
	void refusesToTakeAPublishedResourceBackToDraft() {
		TemplateRow licence = resource("371525-SCJ-3001", "企业营业执照信息").with(TemplateColumn.STATUS, "已发布");
		assertThat(this.api.upload("发布.csv", csv(withHeader(List.of(licence)))).getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<JsonNode> response = this.api.upload("退回草稿.csv",
				csv(withHeader(List.of(licence.with(TemplateColumn.STATUS, "草稿")))));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(errors(response)).containsExactly(new ImportError(2, "状态", "status",
				"a published resource cannot return to DRAFT", "已发布的资源不能退回草稿"));
	}

	@Test
	void refusesToRetireADraft() {
		TemplateRow notice = resource("371525-SCJ-3051", "企业即时信息公示信息");
		assertThat(this.api.upload("草稿.csv", csv(withHeader(List.of(notice)))).getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<JsonNode> response = this.api.upload("停用草稿.csv",
				csv(withHeader(List.of(notice.with(TemplateColumn.STATUS, "已停用")))));

		assertThat(errors(response)).extracting(ImportError::row, ImportError::column, ImportError::messageZh)
			.containsExactly(tuple(2, "状态", "草稿应删除而非停用，只有已发布的资源可以停用"));
	}

	@Test
	void refusesRowsOfAnotherDepartmentInADepartmentsOwnUpload() {
		byte[] file = csv(withHeader(List.of(resource("371525-SCJ-3101", "企业营业执照信息"),
				resource("371525-WJJ-3102", "医疗机构执业许可信息").with(TemplateColumn.PROVIDER_CODE, CountyDepartments.HEALTH))));

		ResponseEntity<JsonNode> response = this.api.uploadFor(CountyDepartments.MARKET_REGULATION, "本部门目录.csv", file);

		assertThat(errors(response)).extracting(ImportError::row, ImportError::field).containsExactly(tuple(3, "providerCode"));
	}

	@Test
	void refusesAnUploadOnBehalfOfAnUnregisteredDepartment() {
		byte[] file = csv(withHeader(List.of(resource("371525-SCJ-3151", "企业营业执照信息"))));

		ResponseEntity<JsonNode> response = this.api.uploadFor(CountyDepartments.UNREGISTERED, "目录.csv", file);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("providerCode");
	}

	@Test
	void namesEachRequiredColumnTheHeaderLacks() {
		List<String> header = new ArrayList<>(TemplateRow.header());
		header.removeAll(List.of("共享类型", "信息项"));

		ResponseEntity<JsonNode> response = this.api.upload("缺列.csv", csv(List.of(header, List.of("371525-SCJ-3201"))));

		assertThat(errors(response)).extracting(ImportError::row, ImportError::column, ImportError::field)
			.containsExactly(tuple(1, "共享类型", "shareType"), tuple(1, "信息项", "items"));
	}

	@Test
	void refusesAnEmptyFileAndAFileWithOnlyTheHeader() {
		ResponseEntity<JsonNode> empty = this.api.upload("空文件.csv", new byte[0]);
		ResponseEntity<JsonNode> headerOnly = this.api.upload("只有表头.xlsx", xlsx(List.of(TemplateRow.header())));

		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(errors(empty)).extracting(ImportError::row, ImportError::messageZh)
			.containsExactly(tuple(1, "文件为空：应包含模板表头和至少一行信息资源"));
		assertThat(headerOnly.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(errors(headerOnly)).extracting(ImportError::row, ImportError::messageZh)
			.containsExactly(tuple(2, "文件只有表头，没有信息资源行"));
	}

	@Test
	void refusesFilesThatAreNotTemplates() {
		ResponseEntity<JsonNode> oldExcel = this.api.upload("目录.xls", new byte[] { 1, 2, 3 });
		ResponseEntity<JsonNode> notAWorkbook = this.api.upload("damaged-catalogue.xlsx",
				"信息资源代码,信息资源名称".getBytes(Charset.forName("UTF-8")));
		ResponseEntity<JsonNode> gbk = this.api.upload("gbk-catalogue.csv",
				String.join(",", TemplateRow.header()).getBytes(Charset.forName("GBK")));

		assertThat(oldExcel.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(notAWorkbook.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(notAWorkbook.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(notAWorkbook.getBody().get("detail").asText()).startsWith("damaged-catalogue.xlsx cannot be read");
		assertThat(gbk.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(gbk.getBody().get("detail").asText()).contains("gbk-catalogue.csv", "UTF-8");
	}

	private List<ImportError> errors(ResponseEntity<JsonNode> response) {
		return this.json.convertValue(response.getBody().get("errors"), new TypeReference<List<ImportError>>() {
		});
	}

}
