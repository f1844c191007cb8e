package cn.datahub.security;

import java.util.List;
import java.util.Map;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.testing.CatalogueApi;
import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.ResourceForms;
import cn.datahub.testing.TestAccounts;
import cn.datahub.testing.Usccs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every role allowed in its scope and refused out of it, through real HTTP and Shiro: a registrar of 冠县公安局
 * maintains its own catalogue and gets 403 on 冠县卫生健康局's; unpublished resources stay with their department;
 * the exchange is the operators'; reports are the auditors' of the region and above.
 */
@HubTest
class RolesAndScopesIntegrationTests {

	private static final String GUANXIAN = "371525";

	private static final String SHENXIAN = "371522";

	@Autowired
	private HubClient hub;

	@Autowired
	private TestAccounts accounts;

	private String police;

	private String health;

	private String suffix;

	@BeforeEach
	void departmentsAndPeople() {
		this.police = Usccs.fresh(GUANXIAN);
		this.health = Usccs.fresh(GUANXIAN);
		this.hub.register(new DepartmentForm(this.police, "冠县公安局", GUANXIAN, "COUNTY"));
		this.hub.register(new DepartmentForm(this.health, "冠县卫生健康局", GUANXIAN, "COUNTY"));
		this.suffix = this.police.substring(10, 17).toLowerCase();
		this.accounts.create("gaj-dengji-" + this.suffix, this.police, null, "REGISTRAR");
		this.accounts.create("wjj-dengji-" + this.suffix, this.health, null, "REGISTRAR");
		this.accounts.create("wjj-shiyong-" + this.suffix, this.health, null, "CONSUMER");
		this.accounts.create("gx-shenji-" + this.suffix, null, GUANXIAN, "AUDITOR");
		this.accounts.create("sx-shenji-" + this.suffix, null, SHENXIAN, "AUDITOR");
		this.accounts.create("yunwei-" + this.suffix, null, null, "OPERATOR");
	}

	@Test
	void registrarMaintainsItsOwnDepartmentsCatalogueAndNoOneElses() {
		CatalogueApi policeRegistrar = as("gaj-dengji-");
		String own = "371525-GA-" + this.suffix;

		created(policeRegistrar.post(residents(own, this.police), "/api/resources"));
		policeRegistrar.post(residents("371525-WJ-" + this.suffix, this.health), "/api/resources")
			.isProblem(HttpStatus.FORBIDDEN);
		String healthOwn = "371525-WJ-" + this.suffix;
		created(as("wjj-dengji-").post(residents(healthOwn, this.health), "/api/resources"));

		Reply refused = policeRegistrar.put(residents(healthOwn, this.health), "/api/resources/{code}", healthOwn);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("detail")).contains("gaj-dengji-" + this.suffix).contains(this.health);
		assertThat(policeRegistrar.post(null, "/api/resources/{code}/publish", healthOwn).status()).isEqualTo(403);
		assertThat(policeRegistrar.delete("/api/resources/{code}", healthOwn).status()).isEqualTo(403);
		assertThat(this.hub.get("/api/resources/" + healthOwn).path("status").asText())
			.as("refused changes are not applied").isEqualTo("DRAFT");
		assertThat(policeRegistrar.post(null, "/api/resources/{code}/publish", own).status()).isEqualTo(200);
	}

	@Test
	void movingAResourceToAnotherDepartmentNeedsBothDepartments() {
		String own = "371525-GA-" + this.suffix;
		created(as("gaj-dengji-").post(residents(own, this.police), "/api/resources"));

		assertThat(as("gaj-dengji-").put(residents(own, this.health), "/api/resources/{code}", own).status())
			.isEqualTo(403);
	}

	@Test
	void draftsAreSeenByTheirDepartmentAdminsAndAuditorsOfTheRegionOnly() {
		String draft = "371525-GA-" + this.suffix;
		created(as("gaj-dengji-").post(residents(draft, this.police), "/api/resources"));

		assertThat(as("gaj-dengji-").get("/api/resources/{code}", draft).status()).isEqualTo(200);
		assertThat(as("gx-shenji-").get("/api/resources/{code}", draft).status()).isEqualTo(200);
		assertThat(as("wjj-shiyong-").get("/api/resources/{code}", draft).status()).isEqualTo(403);
		assertThat(as("sx-shenji-").get("/api/resources/{code}", draft).status()).as("莘县's auditor, not 冠县's")
			.isEqualTo(403);
		assertThat(as("wjj-shiyong-").get("/api/resources/{code}/history", draft).status()).isEqualTo(403);

		this.hub.publish(draft);
		assertThat(as("wjj-shiyong-").get("/api/resources/{code}", draft).status()).isEqualTo(200);
	}

	@Test
	void searchShowsOthersOnlyThePublishedCatalogue() {
		String draft = "371525-GA-" + this.suffix;
		created(as("gaj-dengji-").post(residents(draft, this.police), "/api/resources"));

		String byPolice = "/api/resources/search?providerCode=" + this.police;
		await().until(() -> this.hub.get("/api/resources/search", "providerCode", this.police).path("total").asLong() == 1);
		assertThat(as("wjj-shiyong-").get(byPolice).json().path("total").asLong()).isZero();
		assertThat(as("wjj-shiyong-").get(byPolice + "&status=DRAFT").status()).isEqualTo(403);
		assertThat(as("gaj-dengji-").get(byPolice + "&status=DRAFT").json().path("total").asLong()).isEqualTo(1);
	}

	@Test
	void theExchangeIsTheOperatorsAndAdministrators() {
		assertThat(as("gaj-dengji-").get("/api/exchange/targets").status()).isEqualTo(403);
		assertThat(as("gx-shenji-").get("/api/exchange/runs").status()).isEqualTo(403);
		assertThat(as("yunwei-").get("/api/exchange/targets").status()).isEqualTo(200);
		assertThat(as("yunwei-").get("/api/exchange/runs").status()).isEqualTo(200);
		assertThat(as("yunwei-").post(residents("371525-GA-" + this.suffix, this.police), "/api/resources").status())
			.as("an operator does not maintain the catalogue").isEqualTo(403);
	}

	@Test
	void reportsAreForAuditorsOfTheRegionOrAboveAndForADepartmentsOwnFigures() {
		assertThat(as("gx-shenji-").get("/api/reports/sharing?regionCode=" + GUANXIAN).status()).isEqualTo(200);
		assertThat(as("sx-shenji-").get("/api/reports/sharing?regionCode=" + GUANXIAN).status()).isEqualTo(403);
		assertThat(as("sx-shenji-").get("/api/reports/sharing?regionCode=" + SHENXIAN).status()).isEqualTo(200);
		assertThat(as("gaj-dengji-").get("/api/reports/sharing?providerCode=" + this.police).status()).isEqualTo(200);
		assertThat(as("gaj-dengji-").get("/api/reports/sharing?providerCode=" + this.health).status()).isEqualTo(403);
		assertThat(as("gaj-dengji-").get("/api/reports/sharing?regionCode=" + GUANXIAN).status()).isEqualTo(403);
	}

	@Test
	void onlyAdministratorsRegisterDepartmentsAndManageAccounts() {
		assertThat(as("gaj-dengji-").post(CatalogueApi.body(new DepartmentForm(Usccs.fresh(GUANXIAN), "冠县民政局",
				GUANXIAN, "COUNTY")), "/api/departments").status()).isEqualTo(403);
		assertThat(as("gx-shenji-").get("/api/accounts").status()).isEqualTo(403);
		assertThat(as("gaj-dengji-").post(Map.of("username", "houmen", "password", "Backdoor-2026!", "roles",
				List.of("ADMIN")), "/api/accounts").status()).isEqualTo(403);
	}

	@Test
	void anyoneSignedInSearchesThePublishedCatalogue() {
		assertThat(as("gx-shenji-").get("/api/resources/search?q=常住人口").status()).isEqualTo(200);
		assertThat(as("yunwei-").get("/api/resources/search?q=常住人口").status()).isEqualTo(200);
	}

	private static void created(Reply reply) {
		assertThat(reply.status()).as("%s", reply.json()).isEqualTo(201);
	}

	private CatalogueApi as(String usernamePrefix) {
		return new CatalogueApi(this.accounts.as(usernamePrefix + this.suffix));
	}

	private static Map<String, Object> residents(String code, String providerCode) {
		return CatalogueApi.body(ResourceForms.resource(code, "常住人口基本信息", providerCode, "BASE", "PUBLIC_SAFETY",
				"UNCONDITIONAL", "NOT_OPEN", "REALTIME", null, null, new DataItem("gmsfhm", "公民身份号码", "string", true),
				new DataItem("xm", "姓名", "string", true)));
	}

}
