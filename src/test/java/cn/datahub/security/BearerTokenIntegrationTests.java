package cn.datahub.security;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.TestAccounts;
import cn.datahub.testing.Usccs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens of the unified identity provider (统一身份认证), played by WireMock serving its JWKS, with tokens
 * signed in the test: a good token signs its person in with the roles of the hub account of the same username; an
 * expired, foreign-signed, wrong-audience or wrong-issuer token is refused.
 */
@HubTest
class BearerTokenIntegrationTests {

	private static final String ISSUER = "https://tysfrz.liaocheng.gov.cn/realms/zhengwu";

	private static final RSAKey PROVIDER_KEY = key("tysfrz-2026");

	/** A key the provider never published, under the same key id: a forged signature. */
	private static final RSAKey FORGER_KEY = key("tysfrz-2026");

	private static final WireMockServer provider = new WireMockServer(options().dynamicPort());

	static {
		provider.start();
		provider.stubFor(get("/realms/zhengwu/protocol/openid-connect/certs")
			.willReturn(okJson(new JWKSet(PROVIDER_KEY.toPublicJWK()).toString())));
	}

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("hub.security.identity-provider.issuer", () -> ISSUER);
		registry.add("hub.security.identity-provider.jwks-url",
				() -> provider.baseUrl() + "/realms/zhengwu/protocol/openid-connect/certs");
	}

	@AfterAll
	static void stopProvider() {
		provider.stop();
	}

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private HubClient hub;

	@Autowired
	private TestAccounts accounts;

	@Test
	void aGoodTokenSignsInWithTheRolesOfTheHubAccountOfItsUsername() {
		String department = Usccs.fresh("371525");
		this.hub.register(new DepartmentForm(department, "冠县医疗保障局", "371525", "COUNTY"));
		String user = "ybj-zhangwei-" + department.substring(10, 17).toLowerCase();
		this.accounts.create(user, department, null, "REGISTRAR");

		ResponseEntity<String> own = call(token(PROVIDER_KEY, user, "datahub", ISSUER, 600), "/api/departments/" + department);
		assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(200);
		ResponseEntity<String> accounts = call(token(PROVIDER_KEY, user, "datahub", ISSUER, 600), "/api/accounts");
		assertThat(accounts.getStatusCode().value()).as("a registrar is no administrator").isEqualTo(403);
	}

	@Test
	void someoneTheHubHasNoAccountForMayOnlySearch() {
		String token = token(PROVIDER_KEY, "shimin-li", "datahub", ISSUER, 600);
		assertThat(call(token, "/api/resources/search").getStatusCode().value()).isEqualTo(200);
		assertThat(call(token, "/api/exchange/targets").getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void anExpiredForgedOrMisdirectedTokenIsRefused() {
		assertRefused(token(PROVIDER_KEY, "shimin-li", "datahub", ISSUER, -600), "expired");
		assertRefused(token(FORGER_KEY, "shimin-li", "datahub", ISSUER, 600), "signature");
		assertRefused(token(PROVIDER_KEY, "shimin-li", "another-system", ISSUER, 600), "aud");
		assertRefused(token(PROVIDER_KEY, "shimin-li", "datahub", "https://evil.example.com", 600), "iss");
		assertRefused("not.a.token", "not a JWT");
	}

	private void assertRefused(String token, String reason) {
		ResponseEntity<String> refused = call(token, "/api/resources/search");
		assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(401);
		assertThat(refused.getBody()).containsIgnoringCase(reason).doesNotContain(token);
	}

	private ResponseEntity<String> call(String token, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return this.http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private static String token(RSAKey key, String username, String audience, String issuer, long expiresInSeconds) {
		try {
			Instant now = Instant.now();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
				.subject("3715251990" + username.hashCode())
				.audience(List.of(audience))
				.claim("preferred_username", username)
				.issueTime(Date.from(now.minusSeconds(700)))
				.expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey key(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
