package cn.datahub.catalogue.transfer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A row of the template as a compiler fills it in, starting from a valid resource of 冠县市场监督管理局.
 */
final class TemplateRow {

	private final Map<TemplateColumn, String> cells = new EnumMap<>(TemplateColumn.class);

	private TemplateRow(String code, String name) {
		this.cells.put(TemplateColumn.CODE, code);
		this.cells.put(TemplateColumn.NAME, name);
		this.cells.put(TemplateColumn.PROVIDER_CODE, CountyDepartments.MARKET_REGULATION);
		this.cells.put(TemplateColumn.CATEGORY, "部门");
		this.cells.put(TemplateColumn.DOMAIN, "市场监管");
		this.cells.put(TemplateColumn.SHARE_TYPE, "无条件共享");
		this.cells.put(TemplateColumn.OPEN_TYPE, "无条件开放");
		this.cells.put(TemplateColumn.UPDATE_CYCLE, "每日");
		this.cells.put(TemplateColumn.FORMAT, "接口");
		this.cells.put(TemplateColumn.SUMMARY, "冠县辖区内" + name + "，由冠县市场监督管理局在登记和监管过程中采集。");
		this.cells.put(TemplateColumn.ITEMS, "tyshxydm:统一社会信用代码:string:required;qymc:企业名称:string:required;clrq:成立日期:date");
		this.cells.put(TemplateColumn.STATUS, "草稿");
	}

	static TemplateRow resource(String code, String name) {
		return new TemplateRow(code, name);
	}

	static List<String> header() {
		return TemplateColumn.headers();
	}

	TemplateRow with(TemplateColumn column, String value) {
		this.cells.put(column, value);
		return this;
	}

	List<String> cells() {
		return Stream.of(TemplateColumn.values()).map(c -> this.cells.getOrDefault(c, "")).toList();
	}

}
