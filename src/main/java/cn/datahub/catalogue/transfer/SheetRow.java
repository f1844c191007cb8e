package cn.datahub.catalogue.transfer;

import java.util.List;

/**
 * One row of an uploaded sheet as text, numbered as the compiler sees it in Excel (the first row is 1).
 */
record SheetRow(int number, List<String> cells) {

	/** The cell without surrounding blanks, or null when it is empty or past the end of the row. */
	String cell(int index) {
		if (index < 0 || index >= this.cells.size() || this.cells.get(index) == null) {
			return null;
		}
		String value = this.cells.get(index).strip();
		return value.isEmpty() ? null : value;
	}

	boolean isBlank() {
		for (int i = 0; i < this.cells.size(); i++) {
			if (cell(i) != null) {
				return false;
			}
		}
		return true;
	}

}
