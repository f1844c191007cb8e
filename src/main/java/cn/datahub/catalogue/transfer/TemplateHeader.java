package cn.datahub.catalogue.transfer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.ResourceForm;

/**
 * Where each column sits in an uploaded file, as its header row says; columns may come in any order, and
 * columns the template does not know (a compiler's 备注) are ignored.
 */
final class TemplateHeader {

	private final Map<TemplateColumn, Integer> positions;

	private TemplateHeader(Map<TemplateColumn, Integer> positions) {
		this.positions = positions;
	}

	/** Reads the header row, adding to {@code errors} every required column it lacks. */
	static TemplateHeader read(SheetRow row, List<ImportError> errors) {
		Map<TemplateColumn, Integer> positions = new EnumMap<>(TemplateColumn.class);
		for (int i = 0; i < row.cells().size(); i++) {
			int index = i;
			TemplateColumn.byHeader(row.cell(i)).ifPresent(column -> {
				if (positions.putIfAbsent(column, index) != null) {
					errors.add(new ImportError(row.number(), column.header(), column.field(), "the column "
							+ column.header() + " (" + column.field() + ") appears twice", "列“" + column.header() + "”重复"));
				}
			});
		}
		if (positions.isEmpty()) {
			String expected = String.join(",", TemplateColumn.headers());
			errors.add(ImportError.ofRow(row.number(), "the first row must be the template header: " + expected,
					"第一行应为模板表头：" + expected));
			return new TemplateHeader(positions);
		}
		for (TemplateColumn column : TemplateColumn.values()) {
			if (column.required() && !positions.containsKey(column)) {
				errors.add(new ImportError(row.number(), column.header(), column.field(),
						"the required column " + column.header() + " (" + column.field() + ") is missing",
						"缺少必填列“" + column.header() + "”"));
			}
		}
		return new TemplateHeader(positions);
	}

	String cell(SheetRow row, TemplateColumn column) {
		Integer position = this.positions.get(column);
		return position == null ? null : row.cell(position);
	}

	ResourceForm form(SheetRow row, List<DataItem> items) {
		return new ResourceForm(cell(row, TemplateColumn.CODE), cell(row, TemplateColumn.NAME),
				cell(row, TemplateColumn.PROVIDER_CODE), cell(row, TemplateColumn.CATEGORY), cell(row, TemplateColumn.DOMAIN),
				cell(row, TemplateColumn.SHARE_TYPE), cell(row, TemplateColumn.SHARE_CONDITION),
				cell(row, TemplateColumn.NOT_SHARED_BASIS), cell(row, TemplateColumn.OPEN_TYPE),
				cell(row, TemplateColumn.UPDATE_CYCLE), cell(row, TemplateColumn.FORMAT), cell(row, TemplateColumn.SUMMARY),
				items, cell(row, TemplateColumn.STATUS));
	}

}
