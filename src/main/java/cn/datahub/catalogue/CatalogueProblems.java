package cn.datahub.catalogue;

import java.util.List;

import cn.datahub.system.ProblemBodies;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Catalogue errors as RFC 9457 problem bodies; rule violations list every failing field.
 */
@RestControllerAdvice
class CatalogueProblems {

	@ExceptionHandler
	ProblemDetail invalid(InvalidInput ex) {
		return ProblemBodies.of(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage(),
				ex.getMessage() + ": " + ex.violations().size() + " field(s) break catalogue rules", ex.violations());
	}

	@ExceptionHandler
	ProblemDetail conflict(CatalogueConflict ex) {
		return ProblemBodies.of(HttpStatus.CONFLICT, "Conflict with the catalogue", ex.getMessage(),
				List.of(new Violation(ex.field(), ex.getMessage(), ex.messageZh())));
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFound ex) {
		return ProblemBodies.of(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

}
