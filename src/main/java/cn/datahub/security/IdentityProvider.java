package cn.datahub.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.apache.shiro.authc.AuthenticationException;

/**
 * The unified identity provider (统一身份认证, "一次注册，全网通行"): its bearer tokens are JWTs signed with a key
 * of its published JWKS, and are accepted when the signature, the issuer, the audience (this hub) and the expiry all
 * hold. Keys are fetched when first needed and again when a token names an unknown one (the provider rotated).
 */
class IdentityProvider {

	private static final Set<JWSAlgorithm> SIGNATURES = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
			JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

	/** Connecting to and reading from the provider's key endpoint; a slow provider must not hold a request long. */
	private static final int TIMEOUT_MS = 5000;

	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

	private final String usernameClaim;

	IdentityProvider(SecurityProperties.IdentityProvider settings) {
		if (settings.jwksUrl() == null || settings.jwksUrl().isBlank()) {
			throw new IllegalStateException("hub.security.identity-provider.issuer is set but jwks-url is not");
		}
		try {
			JWKSource<SecurityContext> keys = JWKSourceBuilder
				.create(URI.create(settings.jwksUrl()).toURL(), new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS))
				.retrying(true)
				.build();
			this.processor.setJWSKeySelector(new JWSVerificationKeySelector<>(SIGNATURES, keys));
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalStateException("hub.security.identity-provider.jwks-url is not a URL: " + settings.jwksUrl(), ex);
		}
		this.processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.audience(),
				new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("exp", settings.usernameClaim())));
		this.usernameClaim = settings.usernameClaim();
	}

	/** The username the token vouches for; refused with the reason when the token does not hold. */
	String username(String token) {
		try {
			return this.processor.process(token, null).getStringClaim(this.usernameClaim);
		}
		catch (ParseException ex) {
			throw new InvalidToken("The bearer token is not a JWT");
		}
		catch (BadJOSEException ex) {
			throw new InvalidToken("The bearer token was refused: " + ex.getMessage());
		}
		catch (JOSEException ex) {
			throw new InvalidToken("The bearer token could not be checked: " + ex.getMessage());
		}
	}

	static class InvalidToken extends AuthenticationException {

		InvalidToken(String message) {
			super(message);
		}

	}

}
