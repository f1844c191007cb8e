package cn.datahub.catalogue.transfer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.Catalogue;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.Departments;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static cn.datahub.catalogue.transfer.TemplateFiles.withHeader;
import static cn.datahub.catalogue.transfer.TemplateFiles.xlsx;
import static cn.datahub.catalogue.transfer.TemplateRow.resource;
import static cn.datahub.testing.Usccs.withCheckCharacter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county's whole catalogue, ten thousand resources, goes in and out in one request each.
 */
@HubTest
class LargeImportTests {

	private static final String[] SUBJECTS = { "行政许可办件信息", "证照批文信息", "企业开办登记信息", "工程建设项目审批信息",
			"投资项目备案信息", "社会投资项目核准信息", "食品经营许可信息", "药品零售许可信息", "道路运输许可信息", "排污许可信息" };

	@Autowired
	HubClient api;

	@Autowired
	Catalogue catalogue;

	@Autowired
	Departments departments;

	@Test
	void importsAndReimportsTenThousandResourcesInOneRequestEach() {
		String approvals = withCheckCharacter("11371525MB864525X");
		if (!this.departments.exists(approvals)) {
			this.catalogue.register(new DepartmentForm(approvals, "冠县行政审批服务局", "371525", "COUNTY"));
		}
		List<TemplateRow> rows = new ArrayList<>();
		for (int i = 1; i <= 10_000; i++) {
			rows.add(resource("371525-SPJ-%05d".formatted(i), SUBJECTS[i % SUBJECTS.length] + "（第" + i + "类）")
				.with(TemplateColumn.PROVIDER_CODE, approvals).with(TemplateColumn.DOMAIN, "市场监管")
				.with(TemplateColumn.STATUS, i % 3 == 0 ? "草稿" : "已发布"));
		}

		ResponseEntity<JsonNode> imported = this.api.uploadFor(approvals, "冠县行政审批服务局目录.xlsx", xlsx(withHeader(rows)));
		byte[] exported = this.api.export("format=xlsx&providerCode=" + approvals).getBody();
		ResponseEntity<JsonNode> reimported = this.api.uploadFor(approvals, "再导入.xlsx", exported);

		assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(imported.getBody().get("created").asInt()).isEqualTo(10_000);
		assertThat(reimported.getStatusCode()).as("%s", reimported.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(reimported.getBody().get("unchanged").asInt()).isEqualTo(10_000);
	}

}
