package cn.datahub.catalogue;

import java.util.List;

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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
				ex.getMessage() + ": " + ex.violations().size() + " field(s) break catalogue rules");
		problem.setTitle(ex.getMessage());
		problem.setProperty("errors", ex.violations());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail conflict(CatalogueConflict ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict with the catalogue");
		problem.setProperty("errors", List.of(new Violation(ex.field(), ex.getMessage(), ex.messageZh())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

}
