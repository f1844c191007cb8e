package cn.datahub.catalogue;

import java.util.List;
import java.util.Map;

import cn.datahub.testing.CatalogueApi;
import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.Usccs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static cn.datahub.catalogue.CatalogueFixtures.GUANXIAN;
import static cn.datahub.catalogue.CatalogueFixtures.LIAOCHENG;
import static cn.datahub.catalogue.CatalogueFixtures.countyDepartment;
import static cn.datahub.catalogue.CatalogueFixtures.department;
import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class DepartmentRegistrationIntegrationTests {

	@Autowired
	private CatalogueApi api;

	@Test
	void registersCountyDepartmentAndReadsItBack() {
		Map<String, Object> police = countyDepartment("冠县公安局");

		Reply created = this.api.post(police, "/api/departments");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.headers().getLocation()).hasPath("/api/departments/" + police.get("code"));
		Reply read = this.api.get("/api/departments/{code}", police.get("code"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("code", "name",
				"regionCode", "level");
		assertThat(read.text("code")).isEqualTo(police.get("code"));
		assertThat(read.text("name")).isEqualTo("冠县公安局");
		assertThat(read.text("regionCode")).isEqualTo(GUANXIAN);
		assertThat(read.text("level")).isEqualTo("COUNTY");
	}

	@ParameterizedTest
	@CsvSource({ "371500, CITY, 聊城市大数据局", "370000, PROVINCE, 山东省大数据局", "371525, COUNTY, 冠县卫生健康局" })
	void registersDepartmentWhoseLevelMatchesItsRegion(String regionCode, String level, String name) {
		String code = Usccs.fresh(regionCode);

		assertThat(this.api.post(department(code, name, regionCode, level), "/api/departments").status()).isEqualTo(201);
		assertThat(this.api.get("/api/departments/{code}", code).text("level")).isEqualTo(level);
	}

	@ParameterizedTest
	@ValueSource(strings = { "11371525MB2835925", "11371525MB283592599", "11371500MB28359250", "11371500mb28359259",
			"11371500MO28359259", "１１３７１５００ＭＢ２８３５９２５９" })
	void rejectsCodeThatIsNotAValidUscc(String code) {
		this.api.post(department(code, "冠县公安局", GUANXIAN, "COUNTY"), "/api/departments")
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "code");

		this.api.get("/api/departments/{code}", code).isProblem(HttpStatus.NOT_FOUND);
	}

	@Test
	void rejectsSecondRegistrationOfTheSameCodeAndKeepsTheFirst() {
		Map<String, Object> health = countyDepartment("冠县卫生健康局");
		this.api.register(health);

		this.api.post(department((String) health.get("code"), "冠县市场监督管理局", GUANXIAN, "COUNTY"), "/api/departments")
			.isProblem(HttpStatus.CONFLICT, "code");

		assertThat(this.api.get("/api/departments/{code}", health.get("code")).text("name")).isEqualTo("冠县卫生健康局");
	}

	@ParameterizedTest
	@ValueSource(strings = { "999999", "371599", "37152", "3715250", "冠县" })
	void rejectsUnknownRegionCode(String regionCode) {
		String code = Usccs.fresh(GUANXIAN);

		this.api.post(department(code, "冠县公安局", regionCode, "COUNTY"), "/api/departments")
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "regionCode");

		this.api.get("/api/departments/{code}", code).isProblem(HttpStatus.NOT_FOUND);
	}

	@ParameterizedTest
	@CsvSource({ "371525, CITY", "371525, PROVINCE", "371500, COUNTY", "370000, CITY", "371525, county", "371525, TOWN",
			"371525, ''" })
	void rejectsLevelThatDoesNotMatchTheRegion(String regionCode, String level) {
		String code = Usccs.fresh(regionCode);

		this.api.post(department(code, "冠县公安局", regionCode, level), "/api/departments")
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "level");

		this.api.get("/api/departments/{code}", code).isProblem(HttpStatus.NOT_FOUND);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "\t\n", "\u3000\u3000" })
	void rejectsBlankName(String name) {
		String code = Usccs.fresh(GUANXIAN);

		this.api.post(department(code, name, GUANXIAN, "COUNTY"), "/api/departments")
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "name");

		this.api.get("/api/departments/{code}", code).isProblem(HttpStatus.NOT_FOUND);
	}

	@Test
	void namesEveryFailingFieldAtOnce() {
		String badCode = "11371525MB000000T1";

		this.api.post(department(badCode, " ", "999999", "TOWN"), "/api/departments")
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "code", "name", "regionCode", "level");

		this.api.get("/api/departments/{code}", badCode).isProblem(HttpStatus.NOT_FOUND);
	}

	@Test
	void reportsLevelMismatchTogetherWithOtherFailures() {
		this.api.post(department("11371525MB000000T1", "", GUANXIAN, "CITY"), "/api/departments")
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "code", "name", "level");
	}

	@Test
	void appliesTheSameRulesWhenADepartmentIsChanged() {
		Map<String, Object> police = countyDepartment("冠县公安局");
		String code = this.api.register(police);

		this.api.put(department(code, "", GUANXIAN, "CITY"), "/api/departments/{code}", code)
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "name", "level");
		this.api.put(department(Usccs.fresh(GUANXIAN), "冠县公安局", GUANXIAN, "COUNTY"), "/api/departments/{code}", code)
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "code");
		this.api.put(department(code, "聊城市公安局冠县分局", LIAOCHENG, "COUNTY"), "/api/departments/{code}", code)
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "level");

		Reply stored = this.api.get("/api/departments/{code}", code);
		assertThat(List.of(stored.text("name"), stored.text("regionCode"), stored.text("level")))
			.containsExactly("冠县公安局", GUANXIAN, "COUNTY");
	}

	@Test
	void listsTheDepartmentsOfOneRegion() {
		String police = this.api.register(countyDepartment("冠县公安局"));
		String regulator = this.api.register(countyDepartment("冠县市场监督管理局"));
		String city = this.api.register(department(Usccs.fresh(LIAOCHENG), "聊城市大数据局", LIAOCHENG, "CITY"));

		Reply guanxian = this.api.get("/api/departments?regionCode={region}", GUANXIAN);

		assertThat(guanxian.status()).isEqualTo(200);
		assertThat(guanxian.json().findValuesAsText("regionCode")).isNotEmpty().containsOnly(GUANXIAN);
		assertThat(guanxian.json().findValuesAsText("code")).contains(police, regulator).doesNotContain(city);
		assertThat(this.api.get("/api/departments?regionCode={region}", "999999").json()).isEmpty();
	}

}
