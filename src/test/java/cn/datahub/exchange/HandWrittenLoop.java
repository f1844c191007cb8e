package cn.datahub.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import cn.datahub.catalogue.Resource;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * What the exchange benchmark compares the hub with: one thread reading a file with Jackson, validating and
 * converting each record with the hub's {@link RecordConverter} and writing it to one Avro container file as it is
 * and to another masked ({@link Masking}), deflated as the hub's file targets write them. No batches, no database,
 * no idempotency, no fingerprint, no dead-letter store: the floor of the work, not a second exchange.
 */
final class HandWrittenLoop {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final RecordConverter converter;

	private final Map<String, MaskingRule> plan;

	HandWrittenLoop(Resource resource, Masking masking, ZoneId zone) {
		this.converter = new RecordConverter(resource, zone);
		this.plan = masking.plan(resource);
	}

	/** Runs the file through, writing {@code plain.avro} and {@code masked.avro} in {@code folder}. */
	Counts run(Path file, Path folder) throws IOException {
		return run(file, folder, Stage.MASKED);
	}

	/**
	 * Runs the file through up to the stage {@code last}, for timing the stages one by one
	 * ({@link ExchangeStagesBenchmark}); the files of the stages not reached are left empty.
	 */
	Counts run(Path file, Path folder, Stage last) throws IOException {
		Files.createDirectories(folder);
		Schema schema = this.converter.schema();
		try (DataFileWriter<GenericRecord> plain = writer(schema, folder.resolve("plain.avro"));
				DataFileWriter<GenericRecord> masked = writer(schema, folder.resolve("masked.avro"));
				Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Counts counts = new Counts();
			if (file.getFileName().toString().endsWith(".csv")) {
				MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
					.with(CsvSchema.emptySchema().withHeader())
					.readValues(reader);
				while (rows.hasNext()) {
					take(rows.next(), last, counts, plain, masked);
				}
			}
			else {
				BufferedReader lines = (BufferedReader) reader;
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					take(JSON.readValue(line, OBJECT), last, counts, plain, masked);
				}
			}
			return counts;
		}
	}

	@SuppressWarnings("unchecked")
	private void take(Map<String, ?> values, Stage last, Counts counts, DataFileWriter<GenericRecord> plain,
			DataFileWriter<GenericRecord> masked) throws IOException {
		counts.read++;
		if (last == Stage.READ) {
			return;
		}
		RecordConverter.Converted converted = this.converter
			.validate(new SourceRecord(counts.read, null, (Map<String, Object>) values));
		if (!converted.accepted()) {
			counts.rejected++;
			return;
		}
		if (last == Stage.VALIDATE) {
			return;
		}
		plain.append(converted.record());
		if (last == Stage.MASKED) {
			masked.append(Masking.apply(converted.record(), this.plan));
		}
	}

	private static DataFileWriter<GenericRecord> writer(Schema schema, Path file) throws IOException {
		DataFileWriter<GenericRecord> writer = new DataFileWriter<>(
				new GenericDatumWriter<GenericRecord>(schema, RecordConverter.genericData()));
		writer.setCodec(CodecFactory.deflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL));
		return writer.create(schema, file.toFile());
	}

	/** How far a record goes: read, then validated and converted, then written as it is, then masked and written. */
	enum Stage {

		READ, VALIDATE, PLAIN, MASKED

	}

	/** Records read and refused. */
	static final class Counts {

		long read;

		long rejected;

	}

}
