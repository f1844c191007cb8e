package cn.datahub.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import cn.datahub.catalogue.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The municipal and provincial exchange platforms from the operator's {@code config/platforms.yaml}, with
 * {@code ${...}} placeholders resolved from the environment (a platform's URL differs between test and production).
 * A platform with a {@code url} takes records, one with a {@code catalogueUrl} exchanges catalogue entries; one with
 * neither is not connected. The file is checked whole at start: a hub with a platform it cannot reach does not
 * start, and the message names the platform and the setting at fault.
 */
@Component
public class Platforms {

	private static final Logger log = LoggerFactory.getLogger(Platforms.class);

	private final List<TargetDefinition> connected;

	private final List<Platform> catalogues;

	private final Set<String> names = new HashSet<>();

	Platforms(ResourceLoader loader, Environment environment, PushProperties properties) {
		String location = properties.platforms();
		PlatformFile file;
		try (InputStream in = loader.getResource(location).getInputStream()) {
			String text = environment.resolvePlaceholders(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			file = new YAMLMapper().readValue(text, PlatformFile.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the exchange platforms " + location, ex);
		}
		List<Platform> platforms = file == null || file.platforms() == null ? List.of() : file.platforms();
		TargetValidator validator = new TargetValidator(code -> !code.isBlank(), null);
		for (int i = 0; i < platforms.size(); i++) {
			Platform platform = platforms.get(i);
			List<Violation> violations = validator.check(platform);
			if (!violations.isEmpty() || !this.names.add(String.valueOf(platform.name()))) {
				throw new IllegalStateException(location + ": platforms[" + i + "] (" + platform.name() + "): "
						+ (violations.isEmpty() ? "the name is used twice"
								: violations.stream().map(Violation::message).collect(Collectors.joining("; "))));
			}
		}
		this.connected = platforms.stream().filter(Platform::takesRecords)
			.map(p -> p.target().withDefaults())
			.toList();
		this.catalogues = platforms.stream().filter(Platform::exchangesCatalogue).toList();
		platforms.stream().filter(p -> !p.takesRecords() && !p.exchangesCatalogue())
			.forEach(p -> log.info("Exchange platform {} ({}) has no URL and is not connected", p.name(), p.nameZh()));
	}

	/** The platforms with a URL, with their defaults filled in. */
	List<TargetDefinition> connected() {
		return this.connected;
	}

	/** Whether the file names a platform so, connected or not. */
	boolean defines(String name) {
		return this.names.contains(name);
	}

	/** The platforms catalogue entries are pushed to and harvested from. */
	public List<Platform> catalogues() {
		return this.catalogues;
	}

	public Optional<Platform> catalogue(String name) {
		return this.catalogues.stream().filter(p -> p.name().equals(name)).findFirst();
	}

	private record PlatformFile(List<Platform> platforms) {
	}

}
