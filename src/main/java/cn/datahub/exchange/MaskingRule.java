package cn.datahub.exchange;

import java.util.List;

import cn.datahub.catalogue.DataItem;

/**
 * One rule of {@code config/masking.yaml}: which items it masks (by name, or by a word in the Chinese title) and
 * how.
 */
record MaskingRule(String id, Method method, int first, int last, List<String> items, List<String> titles) {

	/** What starts the part of an address below the district: streets, towns, villages, house numbers. */
	private static final String BELOW_DISTRICT = "路街道镇乡村号巷弄";

	private static final String DISTRICT = "区县旗";

	MaskingRule {
		items = items == null ? List.of() : List.copyOf(items);
		titles = titles == null ? List.of() : List.copyOf(titles);
	}

	boolean covers(DataItem item) {
		return this.items.contains(item.name()) || this.titles.stream().anyMatch(word -> item.title().contains(word));
	}

	String mask(String value) {
		return switch (this.method) {
			case KEEP -> keep(value, this.first, this.last);
			case NAME -> value.isEmpty() ? value : value.substring(0, value.offsetByCodePoints(0, 1)) + "*".repeat(
					Math.max(1, value.codePointCount(0, value.length()) - 1));
			case ADDRESS -> address(value);
		};
	}

	private static String keep(String value, int first, int last) {
		int length = value.codePointCount(0, value.length());
		if (length <= first + last) {
			return "*".repeat(length);
		}
		int start = value.offsetByCodePoints(0, first);
		int end = value.offsetByCodePoints(0, length - last);
		return value.substring(0, start) + "*".repeat(length - first - last) + value.substring(end);
	}

	/**
	 * Keeps an address down to its district or county (山东省聊城市冠县, 聊城市东昌府区) or, without one, down to its
	 * county-level city (山东省临清市); masks everything below.
	 */
	private static String address(String value) {
		int below = indexOfAny(value, BELOW_DISTRICT, value.length());
		int district = indexOfAny(value.substring(0, below), DISTRICT, -1);
		int cut = district >= 0 ? district + 1 : value.lastIndexOf('市', below - 1) + 1;
		if (cut >= value.length()) {
			return value;
		}
		return (cut <= 0 ? "" : value.substring(0, cut)) + "****";
	}

	private static int indexOfAny(String value, String characters, int none) {
		for (int i = 0; i < value.length(); i++) {
			if (characters.indexOf(value.charAt(i)) >= 0) {
				return i;
			}
		}
		return none;
	}

	enum Method {

		KEEP, NAME, ADDRESS

	}

}
