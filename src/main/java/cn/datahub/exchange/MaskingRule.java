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
		return mask(value, new StringBuilder(value.length())).toString();
	}

	/**
	 * Appends the masked value to {@code masked} and answers it: a lane that masks a million values a file reuses one
	 * builder rather than making four or five strings a value for the collector.
	 */
	StringBuilder mask(CharSequence value, StringBuilder masked) {
		return switch (this.method) {
			case KEEP -> keep(value, this.first, this.last, masked);
			case NAME -> value.length() == 0 ? masked
					: stars(masked.append(value, 0, Character.offsetByCodePoints(value, 0, 1)),
							Math.max(1, Character.codePointCount(value, 0, value.length()) - 1));
			case ADDRESS -> address(value, masked);
		};
	}

	private static StringBuilder keep(CharSequence value, int first, int last, StringBuilder masked) {
		int length = Character.codePointCount(value, 0, value.length());
		if (length <= first + last) {
			return stars(masked, length);
		}
		int start = Character.offsetByCodePoints(value, 0, first);
		int end = Character.offsetByCodePoints(value, value.length(), -last);
		return stars(masked.append(value, 0, start), length - first - last).append(value, end, value.length());
	}

	/**
	 * Keeps an address down to its district or county (山东省聊城市冠县, 聊城市东昌府区) or, without one, down to its
	 * county-level city (山东省临清市); masks everything below.
	 */
	private static StringBuilder address(CharSequence value, StringBuilder masked) {
		int below = indexOfAny(value, BELOW_DISTRICT, 0, value.length(), value.length());
		int district = indexOfAny(value, DISTRICT, 0, below, -1);
		int cut = district >= 0 ? district + 1 : lastIndexOf(value, '市', below - 1) + 1;
		if (cut >= value.length()) {
			return masked.append(value);
		}
		return masked.append(value, 0, Math.max(cut, 0)).append("****");
	}

	private static int indexOfAny(CharSequence value, String characters, int from, int to, int none) {
		for (int i = from; i < to; i++) {
			if (characters.indexOf(value.charAt(i)) >= 0) {
				return i;
			}
		}
		return none;
	}

	private static int lastIndexOf(CharSequence value, char c, int from) {
		for (int i = Math.min(from, value.length() - 1); i >= 0; i--) {
			if (value.charAt(i) == c) {
				return i;
			}
		}
		return -1;
	}

	private static StringBuilder stars(StringBuilder masked, int count) {
		for (int i = 0; i < count; i++) {
			masked.append('*');
		}
		return masked;
	}

	enum Method {

		KEEP, NAME, ADDRESS

	}

}
