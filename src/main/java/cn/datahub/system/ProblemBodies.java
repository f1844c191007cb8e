package cn.datahub.system;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The hub's RFC 9457 problem bodies, built in one place so that every error of the API reads alike: a status, a
 * title a client can show, a detail, and where fields are at fault an {@code errors} list naming each of them.
 */
public final class ProblemBodies {

	private ProblemBodies() {
	}

	public static ProblemDetail of(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/** A problem whose {@code errors} name every field or parameter at fault, not just the first. */
	public static ProblemDetail of(HttpStatus status, String title, String detail, List<?> errors) {
		ProblemDetail problem = of(status, title, detail);
		problem.setProperty("errors", errors);
		return problem;
	}

}
