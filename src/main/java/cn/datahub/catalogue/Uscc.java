package cn.datahub.catalogue;

import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters whose last is a check
 * character over the first 17.
 */
public final class Uscc {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private Uscc() {
	}

	public static boolean isValid(String code) {
		return code != null && code.length() == 18
				&& checkCharacter(code.substring(0, 17)).filter(c -> c == code.charAt(17)).isPresent();
	}

	/**
	 * The check character for the first 17 characters of a code, or empty if one of them is not in the GB 32100
	 * alphabet.
	 */
	public static Optional<Character> checkCharacter(String first17) {
		if (first17.length() != 17) {
			return Optional.empty();
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				return Optional.empty();
			}
			sum += value * WEIGHTS[i];
		}
		return Optional.of(ALPHABET.charAt((31 - sum % 31) % 31));
	}

}
