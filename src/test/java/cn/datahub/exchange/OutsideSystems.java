package cn.datahub.exchange;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A department system or exchange platform the hub does not own, played by WireMock on a port of its own, started
 * before a test class and stopped after it ({@code @RegisterExtension} on a static field). Stubs stay from one test
 * to the next: each test stubs paths of its own, and a push the hub still retries after its test must find them.
 */
final class OutsideSystems {

	private OutsideSystems() {
	}

	static WireMockExtension wireMock() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).resetOnEachTest(false).build();
	}

}
