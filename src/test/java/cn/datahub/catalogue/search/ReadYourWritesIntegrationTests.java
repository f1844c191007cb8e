package cn.datahub.catalogue.search;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.ResourceForms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import static cn.datahub.testing.HubClient.codes;
import static cn.datahub.testing.HubClient.hits;
import static cn.datahub.testing.ResourceForms.withName;
import static cn.datahub.testing.Usccs.withCheckCharacter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registrar finds what they just saved: every catalogue write is in the index, refreshed, by the time its HTTP
 * call answers. The relay's timer is switched off here, so only the after-commit path can have put it there.
 */
@HubTest(properties = "hub.index-relay.period-ms=3600000")
@DirtiesContext
class ReadYourWritesIntegrationTests {

	@Autowired
	private HubClient api;

	@BeforeEach
	void registerDepartments() {
		CatalogueFixture.registerDepartments(this.api);
	}

	@Test
	void findsACreatedResourceAtOnce() {
		this.api.create(draft("371525-ZRZY-0001", "不动产登记信息"));

		JsonNode hit = found("371525-ZRZY-0001");
		assertThat(hit.path("name").asText()).isEqualTo("不动产登记信息");
		assertThat(hit.path("status").asText()).isEqualTo("DRAFT");
		assertThat(hit.path("providerName").asText()).isEqualTo("冠县行政审批服务局");
		assertThat(codes(this.api.search("q", "不动产登记"))).containsExactly("371525-ZRZY-0001");
	}

	@Test
	void findsAnUpdatedResourceByItsNewNameOnly() {
		ResourceForm created = draft("371525-ZRZY-0002", "农村土地承包经营权信息");
		this.api.create(created);

		this.api.update(withName(created, "农村土地承包经营权确权登记信息"));

		assertThat(found("371525-ZRZY-0002").path("name").asText()).isEqualTo("农村土地承包经营权确权登记信息");
		assertThat(found("371525-ZRZY-0002").path("version").asInt()).isEqualTo(2);
		assertThat(codes(this.api.search("q", "确权登记"))).containsExactly("371525-ZRZY-0002");
		assertThat(codes(this.api.search("q", "承包经营权信息"))).isEmpty();
	}

	@Test
	void showsPublishingAndRetiringAtOnce() {
		this.api.create(draft("371525-ZRZY-0003", "土地征收成片开发信息"));

		this.api.publish("371525-ZRZY-0003");
		assertThat(found("371525-ZRZY-0003").path("status").asText()).isEqualTo("PUBLISHED");
		assertThat(codes(this.api.search("status", "PUBLISHED", "size", "500"))).contains("371525-ZRZY-0003");

		this.api.retire("371525-ZRZY-0003");
		assertThat(found("371525-ZRZY-0003").path("status").asText()).isEqualTo("RETIRED");
		assertThat(codes(this.api.search("status", "已发布", "size", "500"))).doesNotContain("371525-ZRZY-0003");
		assertThat(codes(this.api.search("status", "已停用", "size", "500"))).contains("371525-ZRZY-0003");
	}

	@Test
	void forgetsADeletedDraftAtOnce() {
		this.api.create(draft("371525-ZRZY-0004", "地质灾害隐患点信息"));
		assertThat(found("371525-ZRZY-0004").path("name").asText()).isEqualTo("地质灾害隐患点信息");

		this.api.delete("371525-ZRZY-0004");

		assertThat(this.api.search("q", "371525-ZRZY-0004").path("total").asLong()).isZero();
		assertThat(this.api.search("q", "地质灾害隐患点").path("total").asLong()).isZero();
	}

	@Test
	void findsADraftCreatedAgainUnderTheCodeOfADeletedOne() {
		ResourceForm mistaken = draft("371525-ZRZY-0005", "矿业权出让信息");
		this.api.create(mistaken);
		this.api.update(withName(mistaken, "矿业权出让收益信息"));
		this.api.delete("371525-ZRZY-0005");

		this.api.create(draft("371525-ZRZY-0005", "采矿许可证信息"));

		assertThat(found("371525-ZRZY-0005").path("name").asText()).isEqualTo("采矿许可证信息");
		assertThat(codes(this.api.search("q", "矿业权"))).isEmpty();
	}

	@Test
	void relabelsAResourceAtOnceWhenItsDepartmentIsRenamed() {
		DepartmentForm centre = new DepartmentForm(withCheckCharacter("12371525MB0Q58210"), "冠县大数据中心", "371525", "COUNTY");
		this.api.register(centre);
		this.api.create(ResourceForms.resource("371525-DSJ-0001", "政务信息系统目录信息", centre.code(), "DEPARTMENT", "NONE",
				"UNCONDITIONAL", "NOT_OPEN", "QUARTERLY", "PUBLISHED", "全县政务信息系统的登记和上云情况",
				new DataItem("xtmc", "系统名称", "string", true)));

		this.api.updateDepartment(new DepartmentForm(centre.code(), "冠县大数据服务中心", "371525", "COUNTY"));

		JsonNode result = this.api.search("providerCode", centre.code());
		assertThat(hits(result)).singleElement()
			.satisfies(hit -> assertThat(hit.path("providerName").asText()).isEqualTo("冠县大数据服务中心"));
		assertThat(result.path("facets").path("providerCode").findValuesAsText("label")).contains("冠县大数据服务中心");
	}

	private JsonNode found(String code) {
		List<JsonNode> hits = hits(this.api.search("q", code));
		assertThat(hits).as("hits for %s", code).isNotEmpty();
		assertThat(hits.get(0).path("code").asText()).isEqualTo(code);
		return hits.get(0);
	}

	private static ResourceForm draft(String code, String name) {
		return ResourceForms.resource(code, name, CatalogueFixture.GX_SP.code(), "DEPARTMENT", "HOUSING", "CONDITIONAL",
				"NOT_OPEN", "MONTHLY", "DRAFT", "自然资源部门登记的权属和地块信息",
				new DataItem("dkbm", "地块编码", "string", true), new DataItem("qlr", "权利人", "string", true));
	}

}
