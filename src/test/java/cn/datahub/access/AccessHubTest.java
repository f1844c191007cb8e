package cn.datahub.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.MutableClockConfiguration;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A hub of its own for the access tests, its {@code TestRestTemplate} signed in as the administrator (who loads the
 * catalogue): a clock the test sets (requests submitted on a Friday evening before 国庆, decided weeks later), the
 * review stages of {@code src/test/resources/access/access.yaml}, and a department webhook served by one WireMock
 * server for the whole run. Expiry is checked on read, not by the hourly timer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@HubTest(properties = { "hub.test.context=access", "hub.access.settings=classpath:access/access.yaml",
		"hub.access.webhook-period=200ms", "hub.access.expiry-check=1h" })
@Import(MutableClockConfiguration.class)
@ContextConfiguration(initializers = AccessHubTest.Webhook.class)
@interface AccessHubTest {

	/** The departments' webhook endpoint, started once and told to the hub before it reads its settings. */
	class Webhook implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			if (!SERVER.isRunning()) {
				SERVER.start();
			}
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("access-test",
					Map.of("access-test.webhook-port", SERVER.port())));
		}

	}

}
