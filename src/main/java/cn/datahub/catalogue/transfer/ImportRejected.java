package cn.datahub.catalogue.transfer;

import java.util.List;

/**
 * An upload with at least one invalid row; none of its rows was stored. Carries every error found.
 */
class ImportRejected extends RuntimeException {

	private final String fileName;

	private final List<ImportError> errors;

	ImportRejected(String fileName, List<ImportError> errors) {
		super(fileName + ": " + errors.size() + " error(s) in "
				+ errors.stream().mapToInt(ImportError::row).distinct().count() + " row(s); nothing was stored");
		this.fileName = fileName;
		this.errors = List.copyOf(errors);
	}

	String fileName() {
		return this.fileName;
	}

	List<ImportError> errors() {
		return this.errors;
	}

}
