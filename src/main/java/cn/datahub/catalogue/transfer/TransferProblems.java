package cn.datahub.catalogue.transfer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused uploads as RFC 9457 problem bodies: a file with invalid rows lists every error by row and column.
 */
@RestControllerAdvice
class TransferProblems {

	@ExceptionHandler
	ProblemDetail rejected(ImportRejected ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
		problem.setTitle("The file breaks catalogue rules; nothing was stored");
		problem.setProperty("file", ex.fileName());
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unreadable(UnreadableFile ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Unreadable file");
		problem.setProperty("file", ex.fileName());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unsupported(UnsupportedFileType ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ex.getMessage());
		problem.setTitle("Unsupported file type");
		problem.setProperty("file", ex.fileName());
		return problem;
	}

}
