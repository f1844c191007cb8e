package cn.datahub.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import cn.datahub.catalogue.Resource;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * The file outbox target: each batch becomes an Avro object container file in
 * {@code <outbox>/<target>/<resourceCode>/}, written under a temporary name and renamed when complete, so a reader
 * never sees half a file, and named after the batch, so a batch delivered again replaces itself.
 */
class FileOutbox implements Target {

	private final String name;

	private final Path directory;

	private final boolean masked;

	private final List<String> fields;

	FileOutbox(String name, Path directory, boolean masked, List<String> fields) {
		this.name = name;
		this.directory = directory;
		this.masked = masked;
		this.fields = fields;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public boolean masked() {
		return this.masked;
	}

	@Override
	public List<String> fields() {
		return this.fields;
	}

	@Override
	public void deliver(Resource resource, Schema schema, List<GenericRecord> records, String batchId) throws IOException {
		Path folder = Files.createDirectories(this.directory.resolve(resource.code()));
		Path file = folder.resolve(batchId + ".avro");
		Path part = folder.resolve("." + batchId + ".avro.part");
		try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(
				new GenericDatumWriter<GenericRecord>(schema, RecordConverter.genericData()))) {
			writer.setCodec(CodecFactory.deflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL));
			writer.create(schema, part.toFile());
			for (GenericRecord record : records) {
				writer.append(record);
			}
		}
		Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
