package cn.datahub.security;

/**
 * The caller is known but may not do this: answered 403 with the reason, which never carries a secret.
 */
public class Forbidden extends RuntimeException {

	public Forbidden(String message) {
		super(message);
	}

}
