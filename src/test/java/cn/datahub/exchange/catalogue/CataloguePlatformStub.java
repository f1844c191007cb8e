package cn.datahub.exchange.catalogue;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The city and province platforms' catalogue interfaces ({@code platforms/catalogue.yaml}) on one WireMock stub,
 * and the hub pointed at them. Every catalogue exchange test class names this initializer, so they share one hub
 * (and its database) as well as the stub; a test that holds a platform's push resumes it before it ends.
 */
class CataloguePlatformStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final WireMockServer platform = new WireMockServer(options().dynamicPort());

	private static final ObjectMapper JSON = new ObjectMapper();

	static {
		platform.start();
		Runtime.getRuntime().addShutdownHook(new Thread(platform::stop));
	}

	@Override
	public void initialize(ConfigurableApplicationContext hub) {
		TestPropertyValues.of("hub.exchange.push.platforms=classpath:platforms/catalogue.yaml",
				"test.catalogue-platform-url=" + platform.baseUrl())
			.applyTo(hub);
	}

	/**
	 * A platform's catalogue of 371525 as it pages it (the test page size is 2): the n-th list is page n, so a full
	 * last page is followed by an empty one.
	 */
	@SafeVarargs
	static void servePages(String platformName, List<? extends JsonNode>... pages) {
		for (int page = 0; page < pages.length; page++) {
			try {
				servePage(platformName, page, okJson(JSON.writeValueAsString(pages[page])));
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException(ex);
			}
		}
	}

	static void servePage(String platformName, int page, ResponseDefinitionBuilder answer) {
		platform.stubFor(get(urlPathEqualTo(CatalogueExchangeFixtures.path(platformName)))
			.withQueryParam("regionCode", equalTo(CatalogueExchangeFixtures.REGION))
			.withQueryParam("page", equalTo(String.valueOf(page))).withQueryParam("size", equalTo("2")).willReturn(answer));
	}

	/** Both platforms take every batch and hold an empty catalogue, whatever an earlier test set. */
	static void takeEverything() {
		for (String name : new String[] { CatalogueExchangeFixtures.CITY, CatalogueExchangeFixtures.PROVINCE }) {
			platform.stubFor(post(urlPathEqualTo(CatalogueExchangeFixtures.path(name)))
				.willReturn(okJson("{\"code\":0,\"msg\":\"目录接收成功\"}")));
			platform.stubFor(get(urlPathEqualTo(CatalogueExchangeFixtures.path(name))).willReturn(okJson("[]")));
		}
	}

}
