package cn.datahub.catalogue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A catalogue code with the Chinese label compilers write in templates (无条件共享 for UNCONDITIONAL).
 */
public interface Labelled {

	String name();

	String label();

	/** The constant named by its code or its Chinese label, ignoring surrounding blanks. */
	static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String value) {
		if (value == null) {
			return Optional.empty();
		}
		String v = value.trim();
		return Arrays.stream(type.getEnumConstants())
			.filter(e -> e.name().equals(v) || e.label().equals(v))
			.findFirst();
	}

	static <E extends Enum<E> & Labelled> String allowed(Class<E> type) {
		return Arrays.stream(type.getEnumConstants())
			.map(e -> e.name() + " (" + e.label() + ")")
			.collect(Collectors.joining(", "));
	}

}
