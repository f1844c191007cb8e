package cn.datahub.catalogue;

/**
 * A request that contradicts what the catalogue already holds: a duplicate code, or a lifecycle step that is
 * not allowed (a published resource back to draft, a change to a retired one). Explained, like a rule violation,
 * in English and in Chinese.
 */
public class CatalogueConflict extends RuntimeException {

	private final String field;

	private final String messageZh;

	public CatalogueConflict(String field, String message, String messageZh) {
		super(message);
		this.field = field;
		this.messageZh = messageZh;
	}

	public String field() {
		return this.field;
	}

	public String messageZh() {
		return this.messageZh;
	}

}
