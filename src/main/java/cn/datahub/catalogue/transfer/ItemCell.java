package cn.datahub.catalogue.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.ItemType;
import cn.datahub.catalogue.Violation;

/**
 * The 信息项 cell: data items separated by {@code ;}, {@code ；} or line breaks, each written
 * {@code name:title:type} or {@code name:title:type:required} ({@code ：} and 必填 work as well), for example
 * {@code tyshxydm:统一社会信用代码:string:required}. Only the shape of each item is checked here; names, titles
 * and types are the validator's.
 */
final class ItemCell {

	private static final Pattern ITEM_SEPARATOR = Pattern.compile("[;；\\r\\n]");

	private static final Pattern PART_SEPARATOR = Pattern.compile("[:：]");

	private static final Set<String> REQUIRED = Set.of("required", "必填");

	private static final String REQUIRED_LABEL = "必填";

	private ItemCell() {
	}

	/**
	 * @param items the items read, one per non-empty entry so that indexes match the compiler's count
	 * @param violations the entries that do not have the shape of an item
	 * @param malformed the indexes of those entries, whose remaining faults are not worth reporting
	 */
	record Parsed(List<DataItem> items, List<Violation> violations, Set<Integer> malformed) {

		/** Whether a validator violation concerns an entry already reported as malformed. */
		boolean covers(Violation violation) {
			return this.malformed.stream().anyMatch(i -> violation.field().startsWith("items[" + i + "]"));
		}

	}

	static Parsed parse(String cell) {
		List<DataItem> items = new ArrayList<>();
		List<Violation> violations = new ArrayList<>();
		Set<Integer> malformed = new HashSet<>();
		if (cell == null) {
			return new Parsed(items, violations, malformed);
		}
		for (String entry : ITEM_SEPARATOR.split(cell)) {
			if (entry.isBlank()) {
				continue;
			}
			int index = items.size();
			int faults = violations.size();
			items.add(item(entry.strip(), "items[" + index + "]", violations));
			if (violations.size() > faults) {
				malformed.add(index);
			}
		}
		return new Parsed(items, violations, malformed);
	}

	/** The cell for stored items, with Chinese type labels; {@link #parse} reads it back to the same items. */
	static String format(List<DataItem> items) {
		return items.stream()
			.map(i -> i.name() + ":" + i.title() + ":" + ItemType.parse(i.type()).map(ItemType::label).orElse(i.type())
					+ (i.required() ? ":" + REQUIRED_LABEL : ""))
			.collect(Collectors.joining(";"));
	}

	/**
	 * Splits at the first separator (the name) and the last one or two (type and marker), so that a title may
	 * itself contain a colon, as in 备注：附件.
	 */
	private static DataItem item(String entry, String field, List<Violation> violations) {
		List<Integer> separators = new ArrayList<>();
		Matcher m = PART_SEPARATOR.matcher(entry);
		while (m.find()) {
			separators.add(m.start());
		}
		if (separators.size() < 2) {
			violations.add(new Violation(field, "'" + entry + "' must be written name:title:type or name:title:type:required",
					"信息项“" + entry + "”格式应为 标识:名称:类型 或 标识:名称:类型:必填"));
			return new DataItem(entry, null, null, false);
		}
		int last = separators.get(separators.size() - 1);
		String tail = entry.substring(last + 1).strip();
		boolean required = separators.size() >= 3 && REQUIRED.contains(tail.toLowerCase(Locale.ROOT));
		int typeStart = required ? separators.get(separators.size() - 2) : last;
		int typeEnd = required ? last : entry.length();
		String name = entry.substring(0, separators.get(0)).strip();
		String title = entry.substring(separators.get(0) + 1, typeStart).strip();
		String type = entry.substring(typeStart + 1, typeEnd).strip();
		if (!required && separators.size() >= 3 && ItemType.parse(type).isEmpty()) {
			String before = entry.substring(separators.get(separators.size() - 2) + 1, last).strip();
			if (ItemType.parse(before).isPresent()) {
				violations.add(new Violation(field + ".required", "'" + tail + "' must be 'required' or 必填, or be left out",
						"“" + tail + "”应为“必填”或不填"));
			}
		}
		return new DataItem(name, title, type, required);
	}

}
