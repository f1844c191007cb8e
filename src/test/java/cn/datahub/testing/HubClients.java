package cn.datahub.testing;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;

/**
 * The clients a {@link HubTest} drives the hub with, as beans of its context, so that a test class autowires them
 * instead of building them in a set-up method. Imported rather than annotated as configuration, so that no hub
 * started by hand on the test class path (a second, empty hub) scans it and looks for a {@code TestRestTemplate}.
 * <p>
 * The {@code TestRestTemplate} signs in as the hub's administrator with HTTP Basic: the tests of what the catalogue,
 * the exchange and the reports do are not about who may do it. Tests of roles and scopes sign in as accounts of
 * their own ({@link TestAccounts}).
 */
class HubClients {

	@Bean
	RestTemplateCustomizer signedInAsAdministrator() {
		return template -> template.getInterceptors()
			.add(new BasicAuthenticationInterceptor(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD));
	}

	@Bean
	HubClient hubClient(TestRestTemplate http) {
		return new HubClient(http);
	}

	@Bean
	CatalogueApi catalogueApi(TestRestTemplate http) {
		return new CatalogueApi(http);
	}

	@Bean
	TestAccounts testAccounts(TestRestTemplate http) {
		return new TestAccounts(http);
	}

}
