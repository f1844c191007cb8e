package cn.datahub.system;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Malformed requests as RFC 9457 problem bodies that name the field or parameter at fault, never a 500.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final String UNREADABLE = "Unreadable request body";

	private static final String INVALID_PARAMETER = "Invalid parameter";

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = path(mapping);
			return ResponseEntity.badRequest().body(ProblemBodies.of(HttpStatus.BAD_REQUEST, UNREADABLE,
					field + ": " + reason(mapping), List.of(error(field, reason(mapping)))));
		}
		Throwable cause = ex.getMostSpecificCause();
		return ResponseEntity.badRequest().body(ProblemBodies.of(HttpStatus.BAD_REQUEST, UNREADABLE,
				"The body is not well-formed JSON" + (cause != null ? ": " + firstLine(cause.getMessage()) : "")));
	}

	/** Query parameters bound to a record ({@code ?asOf=yesterday}): each failing parameter named. */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		List<Map<String, Object>> errors = ex.getFieldErrors().stream()
			.map(e -> error(e.getField(), "Invalid value '" + e.getRejectedValue() + "' for " + e.getField()))
			.toList();
		return ResponseEntity.badRequest().body(ProblemBodies.of(HttpStatus.BAD_REQUEST, INVALID_PARAMETER,
				errors.stream().map(e -> (String) e.get("message")).collect(Collectors.joining("; ")), errors));
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return badParameter(new BadParameter(ex.getName(), "Invalid value '" + ex.getValue() + "' for " + ex.getName()
				+ (ex.getRequiredType() != null && ex.getRequiredType().isEnum() ? "; allowed: " + allowed(ex.getRequiredType()) : "")));
	}

	@ExceptionHandler
	ProblemDetail badParameter(BadParameter ex) {
		return ProblemBodies.of(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, ex.getMessage(),
				List.of(error(ex.parameter(), ex.getMessage())));
	}

	/** One entry of a problem's errors: the field or parameter at fault and what is wrong with it. */
	private static Map<String, Object> error(String field, String message) {
		return Map.of("field", field, "message", message);
	}

	private static String path(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference ref : ex.getPath()) {
			if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
			else {
				path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
			}
		}
		return path.toString();
	}

	private static String reason(JsonMappingException ex) {
		if (ex instanceof UnrecognizedPropertyException) {
			return "unknown field";
		}
		if (ex instanceof InvalidFormatException format) {
			return "cannot read '" + format.getValue() + "' as " + format.getTargetType().getSimpleName();
		}
		return "wrong type: " + firstLine(ex.getOriginalMessage());
	}

	private static String allowed(Class<?> type) {
		return List.of(type.getEnumConstants()).stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	private static String firstLine(String message) {
		return message == null ? "" : message.lines().findFirst().orElse("");
	}

}
