package cn.datahub.exchange.catalogue;

import cn.datahub.HubApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings the catalogue exchange cannot work with stop the hub at start, with a message naming the setting.
 */
class CatalogueSettingsIntegrationTests {

	@Test
	void aCatalogueUrlThatIsNotHttpStopsTheHubNamingThePlatformAndTheSetting() {
		assertThatThrownBy(() -> start("--hub.exchange.push.platforms=classpath:platforms/ftp-catalogue.yaml"))
			.rootCause().hasMessageContaining("platforms[0] (city-platform)")
			.hasMessageContaining("catalogueUrl must be an absolute http or https URL, was 'ftp://10.15.0.8/catalogue'");
	}

	@Test
	void aHubExchangingItsCatalogueMustKnowItsOwnRegion() {
		assertThatThrownBy(() -> start("--hub.exchange.push.platforms=classpath:platforms/catalogue.yaml",
				"--test.catalogue-platform-url=http://localhost:9", "--hub.region-code=379999"))
			.rootCause().hasMessageContaining("hub.region-code").hasMessageContaining("379999");
	}

	private static void start(String... settings) {
		String[] arguments = new String[settings.length + 1];
		System.arraycopy(settings, 0, arguments, 0, settings.length);
		arguments[settings.length] = "--server.port=0";
		try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).profiles("test")
			.run(arguments)) {
			throw new AssertionError("the hub started");
		}
	}

}
