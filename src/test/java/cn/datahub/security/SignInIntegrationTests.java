package cn.datahub.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.testing.CatalogueApi;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.TestAccounts;
import cn.datahub.testing.Usccs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Getting in: HTTP Basic for service accounts, a browser session whose changes carry a CSRF token, nothing without
 * credentials but health and the API documentation; repeated failures lock an account; no password appears in an
 * answer or in the log; accounts are checked whole when an administrator writes them.
 */
@HubTest
@ExtendWith(OutputCaptureExtension.class)
class SignInIntegrationTests {

	private static final String GUANXIAN = "371525";

	private static final String WRONG = "Wrong-Password-7788";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private HubClient hub;

	@Autowired
	private TestAccounts accounts;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void callsWithoutCredentialsAreRefusedWithAProblemBodyButHealthIsOpen() throws Exception {
		HttpResponse<String> refused = anonymous("/api/resources/search");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
		assertThat(this.json.readTree(refused.body()).path("title").asText()).isEqualTo("Authentication required");
		assertThat(anonymous("/api/accounts").statusCode()).isEqualTo(401);
		assertThat(anonymous("/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(anonymous("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordIsRefusedWithoutRepeatingItAnywhere(CapturedOutput output) {
		String user = "rsj-xitong-" + suffix();
		this.accounts.create(user, department("冠县人力资源和社会保障局"), null, "REGISTRAR");

		var refused = this.accounts.as(user, WRONG).getForEntity("/api/resources", String.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(refused.getBody()).contains("Wrong username or password").doesNotContain(WRONG);
		assertThat(this.accounts.as("nobody-" + suffix(), WRONG).getForEntity("/api/resources", String.class).getBody())
			.as("an unknown account reads the same").contains("Wrong username or password");
		assertThat(output.getAll()).doesNotContain(WRONG).doesNotContain(TestAccounts.PASSWORD);
	}

	@Test
	void loginsFailedLoginsAndAccountChangesAreOnTheAuditTrail() {
		String user = "ybj-xitong-" + suffix();
		String auditor = "gx-shenji-" + suffix();
		this.accounts.create(user, department("冠县医疗保障局"), null, "REGISTRAR");
		this.accounts.create(auditor, null, GUANXIAN, "AUDITOR");
		this.accounts.as(user, WRONG).getForEntity("/api/resources", String.class);
		this.accounts.as(user).getForEntity("/api/resources?status=PUBLISHED", String.class);
		this.accounts.as(user).getForEntity("/api/resources?status=PUBLISHED", String.class);

		TestRestTemplate asAuditor = this.accounts.as(auditor);
		JsonNode failed = asAuditor.getForObject("/api/audit?actor={user}&action=login.failed", JsonNode.class, user);
		assertThat(failed.path("items").findValuesAsText("detail")).containsExactly("wrong password");
		JsonNode logins = asAuditor.getForObject("/api/audit?actor={user}&action=login&outcome=DONE&subject=account:{user}",
				JsonNode.class, user, user);
		assertThat(logins.path("items").findValuesAsText("action")).as("two calls with one verified password")
			.containsExactly("login");
		JsonNode created = asAuditor.getForObject("/api/audit?action=account.create&subject=account:{user}",
				JsonNode.class, user);
		assertThat(created.path("items").get(0).path("after").toString()).contains("REGISTRAR")
			.doesNotContain("argon2").doesNotContain(TestAccounts.PASSWORD);
	}

	@Test
	void repeatedFailedLoginsLockTheAccountUntilAnAdministratorUnlocksIt() {
		String user = "scj-xitong-" + suffix();
		this.accounts.create(user, department("冠县市场监督管理局"), null, "REGISTRAR");
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(this.accounts.as(user, WRONG).getForEntity("/api/resources", String.class).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}

		var locked = this.accounts.as(user).getForEntity("/api/resources", String.class);
		assertThat(locked.getStatusCode()).as("even the right password").isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(locked.getBody()).contains("locked");
		assertThat(this.hub.get("/api/accounts/" + user).path("lockedUntil").isTextual()).isTrue();

		assertThat(this.http.postForEntity("/api/accounts/{user}/unlock", null, JsonNode.class, user).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.accounts.as(user).getForEntity("/api/resources?status=PUBLISHED", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void aBrowserSessionChangesNothingWithoutItsCsrfToken() throws Exception {
		String department = department("冠县卫生健康局");
		String user = "wjj-dengji-" + suffix();
		this.accounts.create(user, department, null, "REGISTRAR");
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> signIn = send(browser, "POST", "/api/session",
				Map.of("username", user, "password", TestAccounts.PASSWORD), null);
		assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
		assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("HttpOnly"));
		String token = this.json.readTree(signIn.body()).path("csrfToken").asText();
		assertThat(this.json.readTree(signIn.body()).path("caller").path("departmentCode").asText()).isEqualTo(department);

		Map<String, Object> resource = Map.of("code", "371525-WJ-" + suffix(), "name", "出生医学证明信息",
				"providerCode", department, "category", "DEPARTMENT", "domain", "HEALTH", "shareType", "UNCONDITIONAL",
				"openType", "NOT_OPEN", "updateCycle", "DAILY", "format", "数据库",
				"items", List.of(Map.of("name", "csyxzmbh", "title", "出生医学证明编号", "type", "string", "required", true)));
		assertThat(send(browser, "GET", "/api/resources?providerCode=" + department, null, null).statusCode())
			.isEqualTo(200);
		HttpResponse<String> forged = send(browser, "POST", "/api/resources", resource, null);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("CSRF");
		assertThat(send(browser, "POST", "/api/resources", resource, "not-the-token").statusCode()).isEqualTo(403);
		HttpResponse<String> created = send(browser, "POST", "/api/resources", resource, token);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		assertThat(send(browser, "DELETE", "/api/session", null, token).statusCode()).isEqualTo(204);
		assertThat(send(browser, "GET", "/api/resources?providerCode=" + department, null, null).statusCode())
			.isEqualTo(401);
	}

	@Test
	void aSessionIsNotOpenedWithAWrongPassword() throws Exception {
		HttpResponse<String> refused = send(HttpClient.newHttpClient(), "POST", "/api/session",
				Map.of("username", TestAccounts.ADMIN, "password", WRONG), null);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(refused.body()).doesNotContain(WRONG);
	}

	@Test
	void anAccountIsCheckedWholeAndNeverShowsItsPassword() {
		var api = new CatalogueApi(this.http);
		api.post(Map.of("username", "x", "password", "short", "departmentCode", "91371525XXXXXXXXXX", "roles",
				List.of("REGISTRAR")), "/api/accounts")
			.isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "username", "password", "departmentCode");
		api.post(Map.of("username", "dsj-" + suffix(), "password", "Dashuju-2026!", "regionCode", GUANXIAN, "roles",
				List.of("ADMIN", "AUDITOR")), "/api/accounts").isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "roles");
		api.post(Map.of("username", "sj-" + suffix(), "password", "Shenji-2026!", "roles", List.of("AUDITOR")),
				"/api/accounts").isProblem(HttpStatus.UNPROCESSABLE_ENTITY, "regionCode");
		api.post(Map.of("username", "sj-" + suffix(), "roles", List.of("SUPERUSER")), "/api/accounts")
			.isProblem(HttpStatus.BAD_REQUEST);

		String user = "gx-shenji-" + suffix();
		JsonNode created = this.accounts.create(user, null, GUANXIAN, "AUDITOR");
		assertThat(created.toString()).doesNotContain(TestAccounts.PASSWORD).doesNotContain("argon2")
			.doesNotContain("passwordHash");
		assertThat(this.hub.get("/api/accounts").toString()).doesNotContain("argon2");
		api.post(Map.of("username", user, "password", "Shenji-2026!", "regionCode", GUANXIAN, "roles",
				List.of("AUDITOR")), "/api/accounts").isProblem(HttpStatus.CONFLICT, "username");
	}

	private String department(String name) {
		String code = Usccs.fresh(GUANXIAN);
		this.hub.register(new DepartmentForm(code, name, GUANXIAN, "COUNTY"));
		return code;
	}

	private static String suffix() {
		return Usccs.fresh(GUANXIAN).substring(10, 17).toLowerCase();
	}

	private HttpResponse<String> anonymous(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(HttpClient client, String method, String path, Object body, String csrf)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)))
			.header("Content-Type", "application/json");
		if (csrf != null) {
			request.header("X-CSRF-Token", csrf);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create(this.http.getRootUri() + path);
	}

}
