package cn.datahub.catalogue;

import java.util.List;

/**
 * Input that breaks catalogue rules; carries every violation found, not just the first.
 */
public class InvalidInput extends RuntimeException {

	private final List<Violation> violations;

	public InvalidInput(String message, List<Violation> violations) {
		super(message);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

}
