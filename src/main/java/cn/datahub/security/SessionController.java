package cn.datahub.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.subject.Subject;

import cn.datahub.system.ProblemBodies;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browser sign-in: a session whose cookie the browser keeps, and the CSRF token its changes must send back in the
 * {@code X-CSRF-Token} header.
 */
@RestController
@RequestMapping("/api/session")
class SessionController {

	private final AccountRealm accounts;

	SessionController(AccountRealm accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	ResponseEntity<?> signIn(@Validated @RequestBody SignIn form, HttpServletRequest request) {
		Subject subject = SecurityUtils.getSubject();
		this.accounts.newLogin(form.username());
		try {
			subject.login(new UsernamePasswordToken(form.username(), form.password(), false, request.getRemoteHost()));
		}
		catch (AuthenticationException ex) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(ProblemBodies.of(HttpStatus.UNAUTHORIZED, "Authentication failed", HubAuthenticationFilter.reason(ex)));
		}
		// A new session id on sign-in, so that an id planted before it (session fixation) is worth nothing.
		request.changeSessionId();
		return ResponseEntity.ok(session((Caller) subject.getPrincipal(), Csrf.issue(request.getSession())));
	}

	@GetMapping
	ResponseEntity<?> current(HttpServletRequest request) {
		Subject subject = SecurityUtils.getSubject();
		if (!subject.isAuthenticated() || request.getSession(false) == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(notSignedIn());
		}
		return ResponseEntity.ok(session((Caller) subject.getPrincipal(), Csrf.of(request.getSession())));
	}

	@DeleteMapping
	ResponseEntity<?> signOut(HttpServletRequest request) {
		if (request.getSession(false) != null && !Csrf.passes(request)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemBodies.of(HttpStatus.FORBIDDEN,
					"CSRF token missing or wrong", "Signing out must send the session's token in " + Csrf.HEADER));
		}
		SecurityUtils.getSubject().logout();
		return ResponseEntity.noContent().build();
	}

	private static Map<String, Object> session(Caller caller, String csrfToken) {
		return Map.of("caller", caller, "csrfToken", csrfToken);
	}

	private static ProblemDetail notSignedIn() {
		return ProblemBodies.of(HttpStatus.UNAUTHORIZED, "Authentication required", "No session is signed in");
	}

	record SignIn(@NotBlank String username, @NotBlank String password) {
	}

}
