package cn.datahub.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;

/**
 * The YAML files an operator edits under {@code config/} (targets, access stages, the working-day calendar), read as
 * trees for their owners to check entry by entry; a file that cannot be read stops the hub naming it.
 */
public final class OperatorFiles {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private OperatorFiles() {
	}

	/** The file's tree; null for an empty file. */
	public static JsonNode read(Resource file, String what) {
		return read(file, what, null);
	}

	/** The file's tree after its {@code ${...}} placeholders are resolved in the environment. */
	public static JsonNode read(Resource file, String what, Environment environment) {
		try (InputStream in = file.getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return YAML.readTree(environment == null ? text : environment.resolvePlaceholders(text));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the " + what + " " + file.getDescription(), ex);
		}
	}

}
