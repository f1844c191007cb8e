package cn.datahub.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts a test creates through {@code /api/accounts} as the administrator, and the clients that sign in as them.
 */
public record TestAccounts(TestRestTemplate http) {

	/** The administrator of every test hub (the test profile's {@code hub.security.admin-password}). */
	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "Guanxian-Admin-2026";

	/** The password every account a test creates gets: strong enough for the hub's rules. */
	public static final String PASSWORD = "Liaocheng-2026!";

	/** Creates an account with the roles, bound to the department (or, for an auditor, the region). */
	public JsonNode create(String username, String departmentCode, String regionCode, String... roles) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", PASSWORD);
		form.put("departmentCode", departmentCode);
		form.put("regionCode", regionCode);
		form.put("roles", List.of(roles));
		var response = this.http.postForEntity("/api/accounts", form, JsonNode.class);
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
		return response.getBody();
	}

	/** A client that signs in as the account, with the test's password. */
	public TestRestTemplate as(String username) {
		return as(username, PASSWORD);
	}

	/** Its credentials take the place of the administrator's the context's template signs in with. */
	public TestRestTemplate as(String username, String password) {
		return this.http.withBasicAuth(username, password);
	}

	/** An {@code Authorization} header value for HTTP Basic, for clients other than a {@code TestRestTemplate}. */
	public static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
