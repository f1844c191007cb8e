package cn.datahub.catalogue;

/**
 * A request that contradicts what the catalogue already holds: a duplicate code, or a lifecycle step that is
 * not allowed (a published resource back to draft, a change to a retired one).
 */
public class CatalogueConflict extends RuntimeException {

	private final String field;

	public CatalogueConflict(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
