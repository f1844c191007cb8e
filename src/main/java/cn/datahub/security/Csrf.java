package cn.datahub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Cross-site request forgery protection for browser sessions: a session cookie goes with every request a browser
 * makes, including one a foreign page triggers, so a change must also carry the session's token in a header, which
 * a foreign page cannot read. HTTP Basic and bearer calls carry their credentials themselves and need no token.
 */
final class Csrf {

	static final String HEADER = "X-CSRF-Token";

	private static final String ATTRIBUTE = Csrf.class.getName();

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private static final SecureRandom RANDOM = new SecureRandom();

	private Csrf() {
	}

	/** A new token for the session, replacing any earlier one. */
	static String issue(HttpSession session) {
		byte[] token = new byte[32];
		RANDOM.nextBytes(token);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
		session.setAttribute(ATTRIBUTE, value);
		return value;
	}

	/** The session's token, issued now if it has none. */
	static String of(HttpSession session) {
		Object token = session.getAttribute(ATTRIBUTE);
		return token != null ? token.toString() : issue(session);
	}

	static boolean passes(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return true;
		}
		HttpSession session = request.getSession(false);
		Object expected = session == null ? null : session.getAttribute(ATTRIBUTE);
		String sent = request.getHeader(HEADER);
		return expected != null && sent != null && MessageDigest.isEqual(
				expected.toString().getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
	}

}
