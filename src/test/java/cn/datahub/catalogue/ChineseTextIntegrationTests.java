package cn.datahub.catalogue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.CatalogueApi;
import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubTest;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static cn.datahub.catalogue.CatalogueFixtures.countyDepartment;
import static cn.datahub.catalogue.CatalogueFixtures.freshResourceCode;
import static cn.datahub.catalogue.CatalogueFixtures.items;
import static cn.datahub.catalogue.CatalogueFixtures.residents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese text comes back exactly as sent, wherever it is read: characters outside the Basic Multilingual Plane
 * (𠮷), full-width digits and punctuation included.
 */
@HubTest
class ChineseTextIntegrationTests {

	private static final String DEPARTMENT = "冠县卫生健康局（冠县中医药管理局）";

	private static final String NAME = "𠮷祥社区常住人口基本信息（２０２４年版）：户籍、居住证“一站式”登记";

	private static final String CONDITION = "仅限公安、民政部门；用途为“户籍核验”。不得向第三方提供！";

	private static final String TITLE = "姓名（含生僻字𠮷、𡘙、䶮）";

	@Autowired
	private CatalogueApi api;

	private String provider;

	private Map<String, Object> residents;

	@BeforeEach
	void setUp() {
		this.provider = this.api.register(countyDepartment(DEPARTMENT));
		this.residents = residents(freshResourceCode("GX-GAJ"), this.provider);
		this.residents.putAll(Map.of("name", NAME, "category", "THEME", "shareType", "有条件共享", "shareCondition", CONDITION,
				"summary", "冠县常住人口　基本信息，含港澳台居民居住证信息。☎"));
		this.residents.put("items",
				items(new DataItem("gmsfhm", "公民身份号码", "string", true), new DataItem("xm", TITLE, "字符型", true)));
	}

	@Test
	void returnsDepartmentNameExactly() {
		assertThat(this.api.get("/api/departments/{code}", this.provider).text("name")).isEqualTo(DEPARTMENT);
		assertThat(this.api.get("/api/departments?regionCode={r}", CatalogueFixtures.GUANXIAN).json().findValuesAsText("name"))
			.contains(DEPARTMENT);
	}

	@Test
	void returnsResourceTextExactlyWhereverItIsRead() {
		Reply created = this.api.post(this.residents, "/api/resources");
		String code = (String) this.residents.get("code");

		assertThat(created.status()).isEqualTo(201);
		assertSameText(created.json());
		Reply read = this.api.get("/api/resources/{code}", code);
		assertThat(read.headers().getContentType().getSubtype()).isEqualTo("json");
		assertSameText(read.json());
		assertSameText(this.api.get("/api/resources?providerCode={p}", this.provider).json().path("items").get(0));
		assertSameText(this.api.history(code).get(0).path("resource"));
		Schema schema = new Schema.Parser().parse(this.api.get("/api/resources/{code}/schema", code).body());
		assertThat(schema.getDoc()).isEqualTo(NAME);
		assertThat(schema.getField("xm").doc()).isEqualTo(TITLE);
	}

	private static void assertSameText(JsonNode resource) {
		assertThat(resource.path("name").asText()).isEqualTo(NAME).hasSize(NAME.length());
		assertThat(resource.path("name").asText().codePointAt(0)).isEqualTo(0x20BB7);
		assertThat(resource.path("shareCondition").asText()).isEqualTo(CONDITION);
		assertThat(resource.path("summary").asText()).isEqualTo("冠县常住人口　基本信息，含港澳台居民居住证信息。☎");
		assertThat(resource.path("items").get(1).path("title").asText()).isEqualTo(TITLE);
	}

}
