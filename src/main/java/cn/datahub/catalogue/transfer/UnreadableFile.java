package cn.datahub.catalogue.transfer;

/**
 * An upload whose content is not what its format says: a damaged workbook, a CSV file that is not UTF-8;
 * answered 400 naming the file.
 */
class UnreadableFile extends RuntimeException {

	private final String fileName;

	UnreadableFile(String fileName, Throwable cause) {
		super(fileName + " cannot be read: " + cause.getMessage(), cause);
		this.fileName = fileName;
	}

	String fileName() {
		return this.fileName;
	}

}
