package cn.datahub.system;

/**
 * A query parameter out of range or malformed; answered 400 naming the parameter.
 */
public class BadParameter extends RuntimeException {

	private final String parameter;

	public BadParameter(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
