package cn.datahub.catalogue.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import cn.datahub.catalogue.InvalidInput;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.catalogue.ResourceValidator;
import cn.datahub.catalogue.Violation;

/**
 * The rows of one uploaded file, checked as they are read, so that only the valid resources are held: the header
 * first, then each row against the catalogue's rules, against the rows above it and, for a department's own
 * upload, against its provider code. Blank rows are skipped but keep their numbers.
 */
final class TemplateRows implements Consumer<SheetRow> {

	/** A valid row and the resource it describes. */
	record Checked(int row, Resource resource) {
	}

	private final ResourceValidator validator;

	private final Predicate<String> departmentExists;

	private final String providerCode;

	private final Map<String, Integer> rowOfCode = new HashMap<>();

	private final List<Checked> valid = new ArrayList<>();

	private final List<ImportError> errors = new ArrayList<>();

	private TemplateHeader header;

	private int headerRow;

	private boolean headerBroken;

	private int total;

	/** @param providerCode the department every row must belong to, or null when any may */
	TemplateRows(ResourceValidator validator, Predicate<String> departmentExists, String providerCode) {
		this.validator = validator;
		this.departmentExists = departmentExists;
		this.providerCode = providerCode;
	}

	@Override
	public void accept(SheetRow row) {
		if (row.isBlank()) {
			return;
		}
		if (this.header == null) {
			this.headerRow = row.number();
			this.header = TemplateHeader.read(row, this.errors);
			this.headerBroken = !this.errors.isEmpty();
			return;
		}
		this.total++;
		// Without the right columns every row would repeat the header's errors.
		if (!this.headerBroken) {
			check(row);
		}
	}

	/** Every error found, including an empty file or one with nothing below the header. */
	List<ImportError> errors() {
		if (this.header == null) {
			return List.of(ImportError.ofRow(1, "the file is empty: it must have the template header and at least one "
					+ "resource row", "文件为空：应包含模板表头和至少一行信息资源"));
		}
		if (this.total == 0 && this.errors.isEmpty()) {
			return List.of(ImportError.ofRow(this.headerRow + 1, "the file has a header but no resource rows",
					"文件只有表头，没有信息资源行"));
		}
		return this.errors;
	}

	List<Checked> valid() {
		return this.valid;
	}

	private void check(SheetRow row) {
		ItemCell.Parsed items = ItemCell.parse(this.header.cell(row, TemplateColumn.ITEMS));
		ResourceForm form = this.header.form(row, items.items());
		List<Violation> violations = new ArrayList<>(items.violations());
		Resource resource = null;
		try {
			resource = this.validator.validate(form, this.departmentExists);
		}
		catch (InvalidInput ex) {
			ex.violations().stream().filter(v -> !items.covers(v)).forEach(violations::add);
		}
		if (this.providerCode != null && form.providerCode() != null && !this.providerCode.equals(form.providerCode())) {
			violations.add(new Violation("providerCode", "this upload is for provider " + this.providerCode
					+ "; the row belongs to " + form.providerCode(), "本次上传仅限提供方 " + this.providerCode + " 的资源"));
		}
		if (form.code() != null) {
			Integer first = this.rowOfCode.putIfAbsent(form.code(), row.number());
			if (first != null) {
				violations.add(new Violation("code", "duplicates the code in row " + first, "信息资源代码与第" + first + "行重复"));
			}
		}
		if (violations.isEmpty()) {
			this.valid.add(new Checked(row.number(), resource));
		}
		else {
			violations.forEach(v -> this.errors.add(ImportError.of(row.number(), v)));
		}
	}

}
