package cn.datahub.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.Usccs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;

import static cn.datahub.catalogue.CatalogueFixtures.GUANXIAN;
import static cn.datahub.catalogue.CatalogueFixtures.countyDepartment;
import static cn.datahub.catalogue.CatalogueFixtures.itemOf;
import static cn.datahub.catalogue.CatalogueFixtures.residents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The catalogue's rules for a resource, each broken on its own and then several at once; a refused resource leaves
 * no trace.
 */
@HubTest
class ResourceRulesIntegrationTests extends LicenceTests {

	@Test
	void storesValidResourceAsSubmitted() {
		Reply created = this.api.post(this.licences, "/api/resources");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.headers().getLocation()).hasPath("/api/resources/" + this.code);
		Reply read = this.api.get("/api/resources/{code}", this.code);
		assertThat(read.json()).isEqualTo(created.json());
		assertThat(read.text("name")).isEqualTo("企业营业执照信息");
		assertThat(read.text("providerCode")).isEqualTo(this.regulator);
		assertThat(read.text("category")).isEqualTo("DEPARTMENT");
		assertThat(read.text("domain")).isEqualTo("MARKET_REGULATION");
		assertThat(read.text("shareType")).isEqualTo("UNCONDITIONAL");
		assertThat(read.text("openType")).isEqualTo("UNCONDITIONAL");
		assertThat(read.text("updateCycle")).isEqualTo("DAILY");
		assertThat(read.json().path("items").findValuesAsText("name")).containsExactly("tyshxydm", "qymc", "fddbr", "zczb", "clrq");
		assertThat(read.json().path("items").get(0).path("title").asText()).isEqualTo("统一社会信用代码");
		assertThat(read.json().path("items").get(0).path("required").asBoolean()).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "11371525MB000000T0", "11371525MB000000T1", "冠县市场监督管理局" })
	void rejectsProviderThatIsNotARegisteredDepartment(String providerCode) {
		this.licences.put("providerCode", providerCode);

		refused("providerCode");
	}

	@Test
	void rejectsProviderWithAValidButUnregisteredCode() {
		this.licences.put("providerCode", Usccs.fresh(GUANXIAN));

		refused("providerCode");
	}

	@ParameterizedTest
	@CsvSource({ "HEALTH, HEALTH", "医疗卫生, HEALTH", "' 医疗卫生 ', HEALTH", "市场监管, MARKET_REGULATION", "NONE, NONE",
			"无, NONE" })
	void acceptsDomainByCodeOrChineseNameAndStoresTheCode(String given, String stored) {
		this.licences.put("domain", given);

		this.api.create(this.licences);

		assertThat(this.api.get("/api/resources/{code}", this.code).text("domain")).isEqualTo(stored);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "WEATHER", "health", "医疗", "机关内部管理", "   " })
	void rejectsUnknownDomain(String domain) {
		this.licences.put("domain", domain);

		refused("domain");
	}

	@ParameterizedTest
	@CsvSource({ "shareType, SOMETIMES", "shareType, unconditional", "shareType, ''", "openType, OPEN", "openType, 开放",
			"updateCycle, HOURLY", "updateCycle, 每小时", "status, ARCHIVED", "status, published", "category, CORE",
			"category, 核心" })
	void rejectsUnknownEnumeratedValue(String field, String value) {
		this.licences.put(field, value);

		refused(field);
	}

	@ParameterizedTest
	@ValueSource(strings = { "shareType", "openType", "updateCycle" })
	void rejectsMissingEnumeratedValue(String field) {
		this.licences.remove(field);

		refused(field);
	}

	@Test
	void acceptsChineseLabelsOfEnumeratedValues() {
		this.licences.putAll(Map.of("category", "主题", "shareType", "有条件共享", "shareCondition", "仅限政务用途",
				"openType", "不予开放", "updateCycle", "每季度"));

		this.api.create(this.licences);

		Reply read = this.api.get("/api/resources/{code}", this.code);
		assertThat(List.of(read.text("category"), read.text("shareType"), read.text("openType"), read.text("updateCycle")))
			.containsExactly("THEME", "CONDITIONAL", "NOT_OPEN", "QUARTERLY");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\t", "\u3000\u3000" })
	void rejectsBlankName(String name) {
		this.licences.put("name", name);

		refused("name");
	}

	@Test
	void rejectsNameLongerThan200Characters() {
		this.licences.put("name", "企".repeat(201));

		refused("name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "含中文", "a b", "-leading-dash", ".hidden" })
	void rejectsCodeThatIsNotAPortableIdentifier(String code) {
		this.licences.put("code", code);

		this.api.post(this.licences, "/api/resources").isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "code");
		this.api.get("/api/resources/{code}", code).isProblem(HttpStatus.NOT_FOUND);
		assertThat(this.api.get("/api/resources?providerCode={p}", this.regulator).json().path("total").asLong()).isZero();
	}

	@Test
	void rejectsSecondResourceWithTheSameCodeAndKeepsTheFirst() {
		this.api.create(this.licences);
		Map<String, Object> other = residents(this.code, this.api.register(countyDepartment("冠县公安局")));

		this.api.post(other, "/api/resources").isProblem(HttpStatus.CONFLICT, "code");

		Reply stored = this.api.get("/api/resources/{code}", this.code);
		assertThat(stored.text("name")).isEqualTo("企业营业执照信息");
		assertThat(stored.text("providerCode")).isEqualTo(this.regulator);
		assertThat(this.api.changes(this.code)).containsExactly("CREATED");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("severalViolations")
	void namesEveryViolationAtOnce(String description, Map<String, Object> changes, String[] fields) {
		this.licences.putAll(changes);
		itemOf(this.licences, 0).put("name", "1abc");
		itemOf(this.licences, 1).put("type", "text");
		itemOf(this.licences, 2).put("title", "");
		itemOf(this.licences, 4).put("name", "QYMC");

		refused(fields);
	}

	static Stream<Arguments> severalViolations() {
		String[] itemFields = { "items[0].name", "items[1].type", "items[2].title", "items[4].name" };
		return Stream.of(
				arguments("not shared, open, no basis", Map.of("name", " ", "shareType", "NOT_SHARED", "openType", "UNCONDITIONAL",
						"updateCycle", "HOURLY"), concat(itemFields, "name", "notSharedBasis", "openType", "updateCycle")),
				arguments("base, conditional, no condition", Map.of("category", "BASE", "shareType", "CONDITIONAL", "domain", "天气",
						"status", "DONE"), concat(itemFields, "shareCondition", "shareType", "domain", "status")));
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

}
