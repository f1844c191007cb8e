package cn.datahub.catalogue.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import cn.datahub.system.HubProperties;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Regions and domains as the operator keeps them in {@code catalogue/regions.yaml} and
 * {@code catalogue/domains.yaml}: read once at start, never edited through the API.
 */
@Component
public class ReferenceData {

	/** Domain of resources outside the 22 (机关内部管理): counted for sharing, not for openness. */
	public static final String NO_DOMAIN = "NONE";

	private final Map<String, Region> regions = new LinkedHashMap<>();

	private final Map<String, Domain> domains = new LinkedHashMap<>();

	public ReferenceData(ResourceLoader loader, HubProperties properties) {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		String location = properties.catalogueLocation();
		read(loader, yaml, location + "regions.yaml", RegionFile.class).regions()
			.forEach(region -> this.regions.put(region.code(), region));
		read(loader, yaml, location + "domains.yaml", DomainFile.class).domains()
			.forEach(domain -> this.domains.put(domain.code(), domain));
		this.regions.values().stream().filter(r -> r.parent() != null && !this.regions.containsKey(r.parent()))
			.findFirst().ifPresent(r -> {
				throw new IllegalStateException("Region " + r.code() + " names an unknown parent " + r.parent());
			});
	}

	public Optional<Region> region(String code) {
		return Optional.ofNullable(code).map(this.regions::get);
	}

	public Collection<Region> regions() {
		return this.regions.values();
	}

	/** The region and every region above it, the region itself first. */
	public List<String> regionPath(String code) {
		List<String> path = new ArrayList<>();
		for (Region r = this.regions.get(code); r != null; r = r.parent() == null ? null : this.regions.get(r.parent())) {
			path.add(r.code());
		}
		return path;
	}

	/** The region and every region below it. */
	public Set<String> subtree(String code) {
		Set<String> tree = new LinkedHashSet<>();
		if (this.regions.containsKey(code)) {
			tree.add(code);
			this.regions.values().stream().filter(r -> regionPath(r.code()).contains(code)).forEach(r -> tree.add(r.code()));
		}
		return tree;
	}

	public Optional<Domain> domain(String code) {
		return Optional.ofNullable(code).map(this.domains::get);
	}

	/** A domain given by its code or its Chinese name; {@code NONE} and 无 mean outside the 22. */
	public Optional<String> domainCode(String codeOrName) {
		if (codeOrName == null) {
			return Optional.empty();
		}
		String value = codeOrName.trim();
		if (value.equals(NO_DOMAIN) || value.equals("无")) {
			return Optional.of(NO_DOMAIN);
		}
		return this.domains.values().stream()
			.filter(d -> d.code().equals(value) || d.name().equals(value))
			.map(Domain::code)
			.findFirst();
	}

	public Collection<Domain> domains() {
		return this.domains.values();
	}

	private static <T> T read(ResourceLoader loader, ObjectMapper yaml, String location, Class<T> type) {
		try (InputStream in = loader.getResource(location).getInputStream()) {
			return yaml.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read reference data " + location, ex);
		}
	}

	private record RegionFile(List<Region> regions) {
	}

	private record DomainFile(List<Domain> domains) {
	}

}
