package cn.datahub.catalogue.transfer;

import cn.datahub.catalogue.Violation;

/**
 * One broken rule in an uploaded file, located as the compiler will look for it: the row number Excel shows
 * (the header is row 1), the Chinese column header, and the contract field ({@code items[2].type} for the type
 * of the third data item).
 */
public record ImportError(int row, String column, String field, String message, String messageZh) {

	static ImportError of(int row, Violation violation) {
		String column = TemplateColumn.ofField(violation.field()).map(TemplateColumn::header).orElse(null);
		return new ImportError(row, column, violation.field(), violation.message(), violation.messageZh());
	}

	/** An error about the file as a whole or a row as a whole, not one of its cells. */
	static ImportError ofRow(int row, String message, String messageZh) {
		return new ImportError(row, null, null, message, messageZh);
	}

}
