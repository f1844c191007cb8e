package cn.datahub.security;

import cn.datahub.system.ProblemBodies;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused action as a 403 problem body. */
@RestControllerAdvice
class SecurityProblems {

	@ExceptionHandler
	ProblemDetail forbidden(Forbidden ex) {
		return ProblemBodies.of(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

}
