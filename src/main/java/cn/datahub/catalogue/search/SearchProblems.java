package cn.datahub.catalogue.search;

import java.io.IOException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import cn.datahub.system.ProblemBodies;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Elasticsearch unreachable or failing is the search service being unavailable (503), not a server error: the
 * catalogue itself, kept in the database, still answers.
 */
@RestControllerAdvice(assignableTypes = SearchController.class)
class SearchProblems {

	@ExceptionHandler({ IOException.class, ElasticsearchException.class })
	ProblemDetail unavailable(Exception ex) {
		return ProblemBodies.of(HttpStatus.SERVICE_UNAVAILABLE, "Search unavailable",
				"The search index cannot be reached; the catalogue itself answers at /api/resources. Try again shortly.");
	}

}
