package cn.datahub.testing;

import cn.datahub.catalogue.Uscc;

/**
 * Unified social credit codes for test departments.
 */
public final class Usccs {

	private Usccs() {
	}

	/** The valid code that starts with these 17 characters. */
	public static String withCheckCharacter(String first17) {
		return first17 + Uscc.checkCharacter(first17)
			.orElseThrow(() -> new IllegalArgumentException(first17 + " is not 17 characters of the GB 32100 alphabet"));
	}

}
