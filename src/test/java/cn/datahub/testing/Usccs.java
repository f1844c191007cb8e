package cn.datahub.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.datahub.catalogue.Uscc;

/**
 * Unified social credit codes for test departments.
 */
public final class Usccs {

	private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

	private Usccs() {
	}

	/** The valid code that starts with these 17 characters. */
	public static String withCheckCharacter(String first17) {
		return first17 + Uscc.checkCharacter(first17)
			.orElseThrow(() -> new IllegalArgumentException(first17 + " is not 17 characters of the GB 32100 alphabet"));
	}

	/**
	 * A valid code of a government body (登记管理部门 1, 机关 1) in the region, never handed out before, so that tests
	 * sharing one database never see each other's departments.
	 */
	public static String fresh(String regionCode) {
		return withCheckCharacter("11" + regionCode + "MB" + "%07d".formatted(SERIAL.incrementAndGet()));
	}

}
