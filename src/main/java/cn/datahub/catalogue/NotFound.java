package cn.datahub.catalogue;

/**
 * A department or resource code the catalogue does not hold.
 */
public class NotFound extends RuntimeException {

	public NotFound(String what, String code) {
		super(what + " " + code + " not found");
	}

}
