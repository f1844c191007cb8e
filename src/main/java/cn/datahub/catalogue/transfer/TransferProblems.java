package cn.datahub.catalogue.transfer;

import cn.datahub.system.ProblemBodies;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused uploads as RFC 9457 problem bodies naming the file: a file with invalid rows lists every error by row and
 * column.
 */
@RestControllerAdvice
class TransferProblems {

	@ExceptionHandler
	ProblemDetail rejected(ImportRejected ex) {
		return naming(ex.fileName(), ProblemBodies.of(HttpStatus.UNPROCESSABLE_ENTITY,
				"The file breaks catalogue rules; nothing was stored", ex.getMessage(), ex.errors()));
	}

	@ExceptionHandler
	ProblemDetail unreadable(UnreadableFile ex) {
		return naming(ex.fileName(), ProblemBodies.of(HttpStatus.BAD_REQUEST, "Unreadable file", ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail unsupported(UnsupportedFileType ex) {
		return naming(ex.fileName(),
				ProblemBodies.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file type", ex.getMessage()));
	}

	private static ProblemDetail naming(String fileName, ProblemDetail problem) {
		problem.setProperty("file", fileName);
		return problem;
	}

}
