package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.datahub.catalogue.Category;
import cn.datahub.catalogue.ItemType;
import cn.datahub.catalogue.Labelled;
import cn.datahub.catalogue.OpenType;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.ShareType;
import cn.datahub.catalogue.UpdateCycle;
import cn.datahub.catalogue.reference.ReferenceData;

import org.springframework.stereotype.Component;

/**
 * The blank template compilers fill in (catalogue/template/): the header, an example row and the 填写说明 sheet.
 * The instructions, in Chinese and English, say what each column holds, whether it is required and the values it
 * accepts, taken from the catalogue's own enumerations and reference data so that they cannot drift from them;
 * exports carry them too.
 */
@Component
class BlankTemplate {

	private final ReferenceData reference;

	BlankTemplate(ReferenceData reference) {
		this.reference = reference;
	}

	void write(TemplateFormat format, OutputStream out) throws IOException {
		try (TemplateWriter writer = format.writer(out, instructions())) {
			writer.write(TemplateColumn.headers());
			writer.write(exampleRow());
		}
	}

	/** A resource of 冠县市场监督管理局 in the sample catalogue, as a compiler would write it. */
	static List<String> exampleRow() {
		return List.of("371525-SCJ-0001", "企业营业执照信息", "11371525MB3348731G", "基础", "市场监管", "无条件共享", "", "",
				"无条件开放", "实时", "接口", "冠县辖区内企业营业执照登记信息，包括统一社会信用代码、企业名称、企业类型、法定代表人和注册资本等。",
				"tyshxydm:统一社会信用代码:字符型:必填;qymc:企业名称:字符型:必填;qylx:企业类型:字符型;fddbr:法定代表人:字符型;"
						+ "zczb:注册资本（万元）:数值型;clrq:成立日期:日期型",
				"草稿");
	}

	/** The rows of the 填写说明 sheet. */
	List<List<String>> instructions() {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("列名", "Column", "必填 Required", "说明", "Description", "可填写的值 Allowed values"));
		for (TemplateColumn column : TemplateColumn.values()) {
			rows.add(Stream.concat(Stream.of(column.header(), column.field()), describe(column).stream()).toList());
		}
		rows.add(List.of());
		rows.add(List.of("注意事项", "Notes"));
		rows.add(note("第1行为表头，可用中文列名或英文字段名，列的顺序不限；空行被忽略。",
				"Row 1 is the header, with the Chinese column names or the field names, in any order; blank rows are ignored."));
		rows.add(note("枚举值可填写代码（如 UNCONDITIONAL）或中文（如 无条件共享）。",
				"Enumerated values may be written as codes (UNCONDITIONAL) or in Chinese (无条件共享)."));
		rows.add(note("导入是整体的：任何一行有错，整个文件都不保存，并列出每个错误的行号和列名。已有代码的行更新该资源，内容未变的行不做改动。",
				"An import is all or nothing: if any row is wrong nothing is stored, and every error is listed by row and column. "
						+ "A row with an existing code updates that resource; an unchanged row leaves it as it is."));
		rows.add(note("CSV 文件须为 UTF-8 编码（在 Excel 中另存为“CSV UTF-8（逗号分隔）”）。",
				"CSV files must be UTF-8 (in Excel, save as \"CSV UTF-8 (Comma delimited)\")."));
		return rows;
	}

	private List<String> describe(TemplateColumn column) {
		return switch (column) {
			case CODE -> List.of("是 yes", "资源在平台中的唯一代码，1至64位字母、数字或 . _ -；已有代码的行更新该资源",
					"Unique code of the resource: 1-64 letters, digits, '.', '_' or '-'; a row with an existing code updates it", "");
			case NAME -> List.of("是 yes", "信息资源名称，不超过200字", "Name of the resource, at most 200 characters", "");
			case PROVIDER_CODE -> List.of("是 yes", "提供部门的18位统一社会信用代码，该部门须已在平台登记",
					"18-character unified social credit code of the providing department, which must be registered", "");
			case CATEGORY -> List.of("否 no（默认 部门 / DEPARTMENT）", "资源分类；基础信息资源必须无条件共享",
					"Category; a BASE resource must be shared unconditionally", Labelled.allowed(Category.class));
			case DOMAIN -> List.of("是 yes", "所属公共数据开放领域；机关内部管理等不属于22个领域的填“无”",
					"One of the 22 public-data domains, or NONE (无) for resources outside them such as internal administration",
					domains());
			case SHARE_TYPE -> List.of("是 yes", "共享类型", "How the resource is shared with other departments",
					Labelled.allowed(ShareType.class));
			case SHARE_CONDITION -> List.of("有条件共享时必填 if CONDITIONAL", "有条件共享的条件，不超过2000字",
					"The conditions of sharing, at most 2000 characters", "");
			case NOT_SHARED_BASIS -> List.of("不予共享时必填 if NOT_SHARED", "不予共享所依据的法律、法规或规章",
					"The law, regulation or rule that bars sharing", "");
			case OPEN_TYPE -> List.of("是 yes", "向社会开放的类型；不予共享的资源只能不予开放",
					"How the resource is opened to society; a NOT_SHARED resource must be NOT_OPEN", Labelled.allowed(OpenType.class));
			case UPDATE_CYCLE -> List.of("是 yes", "数据更新周期", "How often the data is refreshed",
					Labelled.allowed(UpdateCycle.class));
			case FORMAT -> List.of("否 no", "资源格式，如 数据库、接口、文件", "Format of the data, such as database, API or file", "");
			case SUMMARY -> List.of("否 no", "信息资源摘要，不超过4000字", "Summary, at most 4000 characters", "");
			case ITEMS -> List.of("是 yes",
					"信息项，用分号（; 或 ；）或换行分隔；每项写作 标识:名称:类型 或 标识:名称:类型:必填，标识为英文字母开头的字母、数字或下划线",
					"Data items separated by ';' or line breaks, each name:title:type or name:title:type:required; "
							+ "the name is a letter followed by letters, digits or underscores",
					Arrays.stream(ItemType.values()).map(t -> t.code() + " (" + t.label() + ")").collect(Collectors.joining(", ")));
			case STATUS -> List.of("否 no（默认 草稿 / DRAFT）",
					"状态；已发布的资源不能退回草稿，草稿不能停用；新资源填“已停用”时，登记为先发布、后停用",
					"Status; a published resource cannot return to DRAFT and a draft cannot be RETIRED; a new resource given as "
							+ "RETIRED is recorded as published, then retired",
					Labelled.allowed(ResourceStatus.class));
		};
	}

	private String domains() {
		return Stream.concat(Stream.of(ReferenceData.NO_DOMAIN + " (" + ResourceCells.NO_DOMAIN_LABEL + ")"),
				this.reference.domains().stream().map(d -> d.code() + " (" + d.name() + ")")).collect(Collectors.joining(", "));
	}

	private static List<String> note(String zh, String en) {
		return List.of("", "", "", zh, en);
	}

}
