package cn.datahub.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

import org.springframework.stereotype.Component;

/**
 * Writes the batches of the file outbox targets (called by their {@code push-file} routes): each batch becomes an
 * Avro object container file in {@code <outbox>/<target>/<resourceCode>/}, written under a temporary name and
 * renamed when complete, so a reader never sees half a file, and named after the batch, so a batch delivered again
 * replaces itself.
 */
@Component
public class FileOutbox {

	private final Path outbox;

	FileOutbox(ExchangeProperties properties) {
		this.outbox = properties.outbox();
	}

	/** Writes the batch as the file of target {@code name}, from the records' encodings ({@link TargetBatch#appendTo}). */
	public void write(TargetBatch batch, String name) throws IOException {
		Path folder = Files.createDirectories(this.outbox.resolve(name).resolve(batch.resource().code()));
		Path file = folder.resolve(batch.batchId() + ".avro");
		Path part = folder.resolve("." + batch.batchId() + ".avro.part");
		try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(
				new GenericDatumWriter<GenericRecord>(batch.schema(), RecordConverter.genericData()))) {
			writer.setCodec(CodecFactory.deflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL));
			writer.create(batch.schema(), part.toFile());
			batch.appendTo(writer);
		}
		Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
