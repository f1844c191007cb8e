package cn.datahub.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * The file outbox as tests read it: a resource's Avro files and the records in them.
 */
record Outbox(ExchangeProperties properties) {

	List<Path> files(String code) throws IOException {
		Path folder = this.properties.outbox().resolve(ExchangeTargets.FILE_OUTBOX).resolve(code);
		if (!Files.exists(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".avro")).sorted().toList();
		}
	}

	List<GenericRecord> records(String code) throws IOException {
		List<GenericRecord> records = new ArrayList<>();
		for (Path file : files(code)) {
			try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
				reader.forEach(records::add);
			}
		}
		return records;
	}

}
