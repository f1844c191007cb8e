package cn.datahub.catalogue.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the compilers' template, in template order: the Chinese header compilers see, and the contract
 * field name that a file may use as header instead.
 */
enum TemplateColumn {

	CODE("信息资源代码", "code", true),

	NAME("信息资源名称", "name", true),

	PROVIDER_CODE("提供方代码", "providerCode", true),

	CATEGORY("资源分类", "category", false),

	DOMAIN("所属领域", "domain", true),

	SHARE_TYPE("共享类型", "shareType", true),

	SHARE_CONDITION("共享条件", "shareCondition", false),

	NOT_SHARED_BASIS("不予共享依据", "notSharedBasis", false),

	OPEN_TYPE("开放类型", "openType", true),

	UPDATE_CYCLE("更新周期", "updateCycle", true),

	FORMAT("资源格式", "format", false),

	SUMMARY("信息资源摘要", "summary", false),

	ITEMS("信息项", "items", true),

	STATUS("状态", "status", false);

	private final String header;

	private final String field;

	/** Whether a file without the column is refused; the others may be left out (category and status have defaults). */
	private final boolean required;

	TemplateColumn(String header, String field, boolean required) {
		this.header = header;
		this.field = field;
		this.required = required;
	}

	String header() {
		return this.header;
	}

	String field() {
		return this.field;
	}

	boolean required() {
		return this.required;
	}

	static List<String> headers() {
		return Arrays.stream(values()).map(TemplateColumn::header).toList();
	}

	/** The column a header cell names, by its Chinese header or its contract name, ignoring blanks around it. */
	static Optional<TemplateColumn> byHeader(String cell) {
		String name = cell == null ? "" : cell.strip();
		return Arrays.stream(values())
			.filter(c -> c.header.equals(name) || c.field.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
			.findFirst();
	}

	/** The column a validation field belongs to: {@code items[2].type} belongs to 信息项. */
	static Optional<TemplateColumn> ofField(String field) {
		if (field == null) {
			return Optional.empty();
		}
		String base = field.split("[\\[.]", 2)[0];
		return Arrays.stream(values()).filter(c -> c.field.equals(base)).findFirst();
	}

}
