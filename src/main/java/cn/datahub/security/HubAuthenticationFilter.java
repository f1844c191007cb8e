package cn.datahub.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.BearerToken;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.LockedAccountException;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.subject.support.DefaultSubjectContext;
import org.apache.shiro.web.filter.authc.AuthenticatingFilter;

import cn.datahub.system.ProblemBodies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Every API call is authenticated, in one of three ways: HTTP Basic (service accounts), a bearer token of the
 * unified identity provider, or the session a browser signed in with ({@code POST /api/session}), whose changes
 * must carry its CSRF token. Basic and bearer calls are stateless: they never create a session. Anything else is
 * answered 401 with a problem body that never repeats what was sent.
 */
class HubAuthenticationFilter extends AuthenticatingFilter {

	private static final String CHALLENGE = "Basic realm=\"datahub\", Bearer realm=\"datahub\"";

	private final ObjectMapper json;

	HubAuthenticationFilter(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected boolean isAccessAllowed(ServletRequest request, ServletResponse response, Object mappedValue) {
		return credentials(request) == null && getSubject(request, response).isAuthenticated();
	}

	@Override
	protected boolean onAccessDenied(ServletRequest request, ServletResponse response) throws Exception {
		if (credentials(request) != null) {
			request.setAttribute(DefaultSubjectContext.SESSION_CREATION_ENABLED, Boolean.FALSE);
			return executeLogin(request, response);
		}
		problem(response, HttpStatus.UNAUTHORIZED, "Authentication required",
				"Sign in with HTTP Basic, a bearer token of the identity provider, or a session (POST /api/session)");
		return false;
	}

	/** A session's change without its CSRF token is refused before it reaches the API. */
	@Override
	protected boolean preHandle(ServletRequest request, ServletResponse response) throws Exception {
		if (credentials(request) == null && getSubject(request, response).isAuthenticated()
				&& !Csrf.passes((HttpServletRequest) request)) {
			problem(response, HttpStatus.FORBIDDEN, "CSRF token missing or wrong",
					"A change made with a session cookie must send the session's token in the " + Csrf.HEADER + " header");
			return false;
		}
		return super.preHandle(request, response);
	}

	@Override
	protected AuthenticationToken createToken(ServletRequest request, ServletResponse response) {
		String credentials = credentials(request);
		String host = request.getRemoteHost();
		if (credentials.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return new BearerToken(credentials.substring(7).trim(), host);
		}
		if (credentials.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded = decode(credentials.substring(6).trim());
			int colon = decoded.indexOf(':');
			if (colon > 0) {
				return new UsernamePasswordToken(decoded.substring(0, colon), decoded.substring(colon + 1), false, host);
			}
		}
		return new UsernamePasswordToken("", "", false, host);
	}

	@Override
	protected boolean onLoginSuccess(AuthenticationToken token, Subject subject, ServletRequest request,
			ServletResponse response) {
		return true;
	}

	@Override
	protected boolean onLoginFailure(AuthenticationToken token, AuthenticationException e, ServletRequest request,
			ServletResponse response) {
		try {
			problem(response, HttpStatus.UNAUTHORIZED, "Authentication failed", reason(e));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return false;
	}

	private void problem(ServletResponse response, HttpStatus status, String title, String detail) throws IOException {
		HttpServletResponse http = (HttpServletResponse) response;
		ProblemDetail problem = ProblemBodies.of(status, title, detail);
		http.setStatus(status.value());
		if (status == HttpStatus.UNAUTHORIZED) {
			http.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		}
		http.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		http.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.json.writeValue(http.getOutputStream(), problem);
	}

	/** What the realms say (wrong password, locked, token expired); never Shiro's own wording, which may echo input. */
	static String reason(AuthenticationException ex) {
		return ex instanceof LockedAccountException || ex instanceof IncorrectCredentialsException
				|| ex instanceof UnknownAccountException || ex instanceof IdentityProvider.InvalidToken ? ex.getMessage()
						: "Wrong username or password";
	}

	private static String credentials(ServletRequest request) {
		String header = ((HttpServletRequest) request).getHeader(HttpHeaders.AUTHORIZATION);
		return header == null || header.isBlank() ? null : header;
	}

	private static String decode(String base64) {
		try {
			return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
