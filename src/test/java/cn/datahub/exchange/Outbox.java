package cn.datahub.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * A FILE target's folder as tests read it, {@code <outbox>/<target>/}: a resource's Avro files and the records in
 * them.
 */
record Outbox(Path folder) {

	/** The hub's own file outbox. */
	Outbox(ExchangeProperties properties) {
		this(properties.outbox().resolve(ExchangeTargets.FILE_OUTBOX));
	}

	List<Path> files(String code) throws IOException {
		Path resource = this.folder.resolve(code);
		if (!Files.exists(resource)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(resource)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".avro")).sorted().toList();
		}
	}

	List<GenericRecord> records(String code) throws IOException {
		List<GenericRecord> records = new ArrayList<>();
		forEach(code, records::add);
		return records;
	}

	/** Reads the resource's records one by one, never all at once, for outboxes of a million records. */
	void forEach(String code, Consumer<GenericRecord> action) throws IOException {
		for (Path file : files(code)) {
			try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
				reader.forEach(action);
			}
		}
	}

}
