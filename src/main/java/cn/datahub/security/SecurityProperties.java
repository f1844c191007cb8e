package cn.datahub.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings ({@code hub.security.*}).
 *
 * @param adminPassword the password {@code admin} gets at first start ({@code HUB_ADMIN_PASSWORD}); unset, one is
 * generated and printed once to the log
 * @param lockout how many failed logins in a row lock an account, and for how long
 * @param credentialCache how long a password verified for HTTP Basic is trusted again without hashing it anew: a
 * service account sends its password with every call, and Argon2 is slow on purpose
 * @param identityProvider the unified identity provider (统一身份认证) whose bearer tokens are accepted
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(String adminPassword, @DefaultValue Lockout lockout,
		@DefaultValue("5m") Duration credentialCache, @DefaultValue IdentityProvider identityProvider) {

	public record Lockout(@DefaultValue("5") int attempts, @DefaultValue("15m") Duration duration) {
	}

	/**
	 * @param issuer the issuer ({@code iss}) tokens must name; unset, bearer tokens are refused
	 * @param jwksUrl where the provider publishes its signing keys (JWKS)
	 * @param audience the audience ({@code aud}) tokens must be issued for: this hub
	 * @param usernameClaim the claim naming the person, matched to the hub account of that username for roles
	 */
	public record IdentityProvider(String issuer, String jwksUrl, @DefaultValue("datahub") String audience,
			@DefaultValue("preferred_username") String usernameClaim) {

	}

}
