package cn.datahub.catalogue;

import java.util.Map;

import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;

import static cn.datahub.catalogue.CatalogueFixtures.residents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share by default: a conditional resource states its conditions, a resource that is not shared cites the law that
 * bars it and is not open either, and a base resource is always shared unconditionally.
 */
@HubTest
class SharingRulesIntegrationTests extends LicenceTests {

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  ", "\u3000" })
	void rejectsConditionalResourceWithoutItsCondition(String condition) {
		this.licences.put("shareType", "CONDITIONAL");
		this.licences.put("shareCondition", condition);

		refused("shareCondition");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " \t " })
	void rejectsNotSharedResourceWithoutLegalBasis(String basis) {
		this.licences.put("shareType", "NOT_SHARED");
		this.licences.put("openType", "NOT_OPEN");
		this.licences.put("notSharedBasis", basis);

		refused("notSharedBasis");
	}

	@Test
	void acceptsNotSharedResourceThatCitesItsBasisAndIsNotOpen() {
		this.licences.putAll(Map.of("shareType", "NOT_SHARED", "openType", "NOT_OPEN", "notSharedBasis",
				"《中华人民共和国个人信息保护法》第十三条"));

		this.api.create(this.licences);

		assertThat(this.api.get("/api/resources/{code}", this.code).text("notSharedBasis")).isEqualTo("《中华人民共和国个人信息保护法》第十三条");
	}

	@ParameterizedTest
	@ValueSource(strings = { "UNCONDITIONAL", "CONDITIONAL", "有条件开放" })
	void rejectsNotSharedResourceThatIsOpen(String openType) {
		this.licences.putAll(Map.of("shareType", "NOT_SHARED", "notSharedBasis", "《中华人民共和国保守国家秘密法》", "openType", openType));

		refused("openType");
	}

	@ParameterizedTest
	@CsvSource({ "CONDITIONAL, shareCondition, 仅限户籍管理用途", "NOT_SHARED, notSharedBasis, 《中华人民共和国居民身份证法》第十九条" })
	void rejectsBaseResourceThatIsNotSharedUnconditionally(String shareType, String justification, String text) {
		Map<String, Object> residents = residents(this.code, this.regulator);
		residents.put("shareType", shareType);
		residents.put(justification, text);

		this.api.post(residents, "/api/resources").isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "shareType");
		assertNothingStored();
	}

	@Test
	void acceptsBaseResourceSharedUnconditionally() {
		this.api.create(residents(this.code, this.regulator));

		assertThat(this.api.get("/api/resources/{code}", this.code).text("category")).isEqualTo("BASE");
	}

}
