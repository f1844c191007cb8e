package cn.datahub.testing;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;

/**
 * The clients a {@link HubTest} drives the hub with, as beans of its context, so that a test class autowires them
 * instead of building them in a set-up method. Imported rather than annotated as configuration, so that no hub
 * started by hand on the test class path (a second, empty hub) scans it and looks for a {@code TestRestTemplate}.
 */
class HubClients {

	@Bean
	HubClient hubClient(TestRestTemplate http) {
		return new HubClient(http);
	}

	@Bean
	CatalogueApi catalogueApi(TestRestTemplate http) {
		return new CatalogueApi(http);
	}

}
