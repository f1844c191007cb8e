package cn.datahub.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized JSON bodies before they are read, so that a runaway client cannot exhaust memory. File uploads
 * (multipart) have their own, larger limit.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

	private final long limit;

	JsonBodyLimit(HubProperties properties) {
		this.limit = properties.maxJsonBodyBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.contains("json") && request.getContentLengthLong() > this.limit) {
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request body too large\",\"status\":413,"
					+ "\"detail\":\"JSON request bodies are limited to " + this.limit
					+ " bytes; upload catalogues as files through /api/resources/import\"}");
			return;
		}
		chain.doFilter(request, response);
	}

}
