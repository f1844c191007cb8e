package cn.datahub.system;

/**
 * The bounds every paged listing shares.
 */
public final class Paging {

	public static final int MAX_SIZE = 500;

	private Paging() {
	}

	public static void check(int page, int size) {
		if (page < 0) {
			throw new BadParameter("page", "page must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new BadParameter("size", "size must be between 1 and " + MAX_SIZE);
		}
	}

}
