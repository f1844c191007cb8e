package cn.datahub.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import cn.datahub.catalogue.reference.ReferenceData;

import org.springframework.stereotype.Component;

/**
 * The catalogue's rules for a resource, applied alike to API requests and imported template rows. Reports every
 * violation it finds, each naming its field.
 */
@Component
public class ResourceValidator {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	/** Avro field names: the item identifiers become the fields of the resource's record schema. */
	private static final Pattern ITEM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	private final ReferenceData reference;

	ResourceValidator(ReferenceData reference) {
		this.reference = reference;
	}

	/**
	 * @param departmentExists whether a provider code names a registered department
	 * @return the resource, at version 0, if the form breaks no rule
	 * @throws InvalidInput naming every violation otherwise
	 */
	public Resource validate(ResourceForm form, Predicate<String> departmentExists) {
		Checks checks = new Checks();
		if (form.code() == null || !CODE.matcher(form.code()).matches()) {
			checks.fail("code", "must be 1-64 letters, digits, '.', '_' or '-'", "信息资源代码应为1至64位字母、数字或 . _ -");
		}
		String name = checks.text("name", "信息资源名称", form.name(), 200, true);
		if (form.providerCode() == null || form.providerCode().isBlank()) {
			checks.fail("providerCode", "must not be blank", "提供方代码不能为空");
		}
		else if (!departmentExists.test(form.providerCode())) {
			checks.fail("providerCode", "must be a registered department", "提供方未在目录中登记");
		}
		Category category = blank(form.category()) ? Category.DEPARTMENT : checks.oneOf("category", "资源分类", Category.class, form.category());
		Optional<String> domain = this.reference.domainCode(form.domain());
		if (domain.isEmpty()) {
			checks.fail("domain", "must be one of the 22 domain codes or NONE", "所属领域应为22个开放领域之一或“无”");
		}
		ShareType shareType = checks.oneOf("shareType", "共享类型", ShareType.class, form.shareType());
		OpenType openType = checks.oneOf("openType", "开放类型", OpenType.class, form.openType());
		UpdateCycle cycle = checks.oneOf("updateCycle", "更新周期", UpdateCycle.class, form.updateCycle());
		ResourceStatus status = blank(form.status()) ? ResourceStatus.DRAFT : checks.oneOf("status", "状态", ResourceStatus.class, form.status());
		String condition = checks.text("shareCondition", "共享条件", form.shareCondition(), 2000, shareType == ShareType.CONDITIONAL);
		String basis = checks.text("notSharedBasis", "不予共享依据", form.notSharedBasis(), 2000, shareType == ShareType.NOT_SHARED);
		if (shareType == ShareType.NOT_SHARED && openType != null && openType != OpenType.NOT_OPEN) {
			checks.fail("openType", "a resource that is not shared cannot be open", "不予共享的资源不能开放");
		}
		if (category == Category.BASE && shareType != null && shareType != ShareType.UNCONDITIONAL) {
			checks.fail("shareType", "a base resource (BASE) must be shared unconditionally",
					"基础信息资源必须无条件共享（国发〔2016〕51号）");
		}
		String format = checks.text("format", "资源格式", form.format(), 100, false);
		String summary = checks.text("summary", "信息资源摘要", form.summary(), 4000, false);
		List<DataItem> items = items(form.items(), checks);
		checks.throwIfAny("Invalid resource");
		return new Resource(form.code(), name, form.providerCode(), category, domain.get(), shareType, condition, basis,
				openType, cycle, format, summary, items, status, 0, null);
	}

	private static List<DataItem> items(List<DataItem> items, Checks checks) {
		if (items == null || items.isEmpty()) {
			checks.fail("items", "must list at least one data item", "信息项不能为空");
			return List.of();
		}
		List<DataItem> result = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			DataItem item = items.get(i);
			String field = "items[" + i + "]";
			if (item == null) {
				checks.fail(field, "must not be null", "信息项不能为空");
				continue;
			}
			if (item.name() == null || !ITEM_NAME.matcher(item.name()).matches()) {
				checks.fail(field + ".name", "must be an ASCII identifier such as tyshxydm",
						"信息项标识应为英文字母开头的字母、数字或下划线，如 tyshxydm");
			}
			else if (!names.add(item.name().toLowerCase(Locale.ROOT))) {
				checks.fail(field + ".name", "duplicates an earlier item: " + item.name(), "信息项标识重复：" + item.name());
			}
			String title = checks.text(field + ".title", "信息项名称", item.title(), 100, true);
			Optional<ItemType> type = ItemType.parse(item.type());
			if (type.isEmpty()) {
				checks.fail(field + ".type", "must be one of string, integer, decimal, date, datetime, boolean",
						"数据类型应为 string、integer、decimal、date、datetime、boolean 之一");
			}
			result.add(new DataItem(item.name(), title, type.map(ItemType::code).orElse(null), item.required()));
		}
		return result;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** Collects violations while a form is read field by field. */
	private static final class Checks {

		private final List<Violation> violations = new ArrayList<>();

		void fail(String field, String message, String messageZh) {
			this.violations.add(new Violation(field, message, messageZh));
		}

		<E extends Enum<E> & Labelled> E oneOf(String field, String title, Class<E> type, String value) {
			Optional<E> parsed = Labelled.parse(type, value);
			if (parsed.isEmpty()) {
				fail(field, "must be one of " + Labelled.allowed(type), title + "取值无效，应为：" + Labelled.allowed(type));
			}
			return parsed.orElse(null);
		}

		String text(String field, String title, String value, int maxLength, boolean required) {
			if (blank(value)) {
				if (required) {
					fail(field, "must not be blank", title + "不能为空");
				}
				return null;
			}
			String trimmed = value.strip();
			if (trimmed.length() > maxLength) {
				fail(field, "must be at most " + maxLength + " characters", title + "不能超过" + maxLength + "个字符");
			}
			return trimmed;
		}

		void throwIfAny(String message) {
			if (!this.violations.isEmpty()) {
				throw new InvalidInput(message, this.violations);
			}
		}

	}

}
