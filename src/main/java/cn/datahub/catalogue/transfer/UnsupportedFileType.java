package cn.datahub.catalogue.transfer;

/**
 * An upload that is neither an .xlsx workbook nor a .csv file; answered 415.
 */
class UnsupportedFileType extends RuntimeException {

	private final String fileName;

	UnsupportedFileType(String fileName) {
		super(fileName + " is not a catalogue template: upload it as .xlsx or as .csv (UTF-8)");
		this.fileName = fileName;
	}

	String fileName() {
		return this.fileName;
	}

}
