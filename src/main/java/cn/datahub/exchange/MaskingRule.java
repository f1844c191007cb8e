package cn.datahub.exchange;

import java.util.List;
import java.util.function.IntUnaryOperator;

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

	/** The value masked by {@link #cut}. */
	String mask(String value) {
		int length = value.codePointCount(0, value.length());
		// nearly every value is of single chars, each its code point: no offsets to count then
		boolean chars = length == value.length();
		Cut cut = cut(length, chars ? value::charAt : codePointsOf(value));
		if (cut.stars() == 0) {
			return value;
		}
		int head = chars ? cut.head() : value.offsetByCodePoints(0, cut.head());
		int tail = chars ? length - cut.tail() : value.offsetByCodePoints(0, length - cut.tail());
		return value.substring(0, head) + "*".repeat(cut.stars()) + value.substring(tail);
	}

	private static IntUnaryOperator codePointsOf(String value) {
		int[] codePoints = value.codePoints().toArray();
		return i -> codePoints[i];
	}

	/**
	 * What the rule keeps of a value of {@code length} code points, the {@code i}th of which is
	 * {@code codePointAt.applyAsInt(i)}. It works on code points, not on a string, so that a target's encoding is
	 * masked in its UTF-8 bytes ({@link TargetEncoding}) by the same rule as a record's string.
	 */
	Cut cut(int length, IntUnaryOperator codePointAt) {
		return switch (this.method) {
			case KEEP -> length <= this.first + this.last ? new Cut(0, length, 0)
					: new Cut(this.first, length - this.first - this.last, this.last);
			case NAME -> length == 0 ? new Cut(0, 0, 0) : new Cut(1, Math.max(1, length - 1), 0);
			case ADDRESS -> address(length, codePointAt);
		};
	}

	/**
	 * Keeps an address down to its district or county (山东省聊城市冠县, 聊城市东昌府区) or, without one, down to its
	 * county-level city (山东省临清市); masks everything below.
	 */
	private static Cut address(int length, IntUnaryOperator codePointAt) {
		int below = indexOfAny(BELOW_DISTRICT, length, codePointAt, length);
		int district = indexOfAny(DISTRICT, below, codePointAt, -1);
		int cut = district >= 0 ? district + 1 : lastIndexOf('市', below, codePointAt) + 1;
		return cut >= length ? new Cut(length, 0, 0) : new Cut(cut, 4, 0);
	}

	/** Where the first of {@code characters} is among the first {@code length} code points; {@code none} if nowhere. */
	private static int indexOfAny(String characters, int length, IntUnaryOperator codePointAt, int none) {
		for (int i = 0; i < length; i++) {
			if (characters.indexOf(codePointAt.applyAsInt(i)) >= 0) {
				return i;
			}
		}
		return none;
	}

	private static int lastIndexOf(char character, int length, IntUnaryOperator codePointAt) {
		for (int i = length - 1; i >= 0; i--) {
			if (codePointAt.applyAsInt(i) == character) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A masked value: the original's first {@code head} code points, {@code stars} asterisks, then its last
	 * {@code tail} code points; without stars, the value unchanged.
	 */
	record Cut(int head, int stars, int tail) {
	}

	enum Method {

		KEEP, NAME, ADDRESS

	}

}
