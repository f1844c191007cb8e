package cn.datahub.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.CredentialsMatcher;
import org.apache.shiro.authc.credential.PasswordMatcher;

/**
 * Shiro's Argon2 password matching, remembering for a while that a password was right: a service account sends its
 * password with every HTTP Basic call, and hashing it each time would cost a tenth of a second a call. What is
 * remembered is an HMAC, under a key that lives only in this process, of the password and the stored hash, so
 * nothing usable is kept and a changed password is never matched against the old one.
 */
class CachedPasswordMatcher implements CredentialsMatcher {

	private final PasswordMatcher passwords = new PasswordMatcher();

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private final SecretKeySpec key;

	private final Duration trust;

	private final Clock clock;

	CachedPasswordMatcher(Duration trust, Clock clock) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.trust = trust;
		this.clock = clock;
	}

	@Override
	public boolean doCredentialsMatch(AuthenticationToken token, AuthenticationInfo info) {
		return check(token, info) != Match.WRONG;
	}

	/** Whether the password is right, and whether it was remembered (the same login) or hashed (a new one). */
	Match check(AuthenticationToken token, AuthenticationInfo info) {
		UsernamePasswordToken login = (UsernamePasswordToken) token;
		byte[] digest = digest(login.getPassword(), String.valueOf(info.getCredentials()));
		Instant now = this.clock.instant();
		Verified known = this.verified.get(login.getUsername());
		if (known != null && known.until().isAfter(now) && MessageDigest.isEqual(known.digest(), digest)) {
			return Match.REMEMBERED;
		}
		if (this.passwords.doCredentialsMatch(token, info)) {
			this.verified.put(login.getUsername(), new Verified(digest, now.plus(this.trust)));
			return Match.VERIFIED;
		}
		this.verified.remove(login.getUsername());
		return Match.WRONG;
	}

	/** The next login of the account hashes its password again (a browser signing in is always a new login). */
	void forget(String username) {
		this.verified.remove(username);
	}

	private byte[] digest(char[] password, String storedHash) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(new String(password).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private record Verified(byte[] digest, Instant until) {
	}

	enum Match {

		/** Right, and matched from memory: the login that verified it. */
		REMEMBERED,

		/** Right, and hashed: a new login. */
		VERIFIED,

		WRONG

	}

}
