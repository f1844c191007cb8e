package cn.datahub.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.datahub.catalogue.Resource;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import cn.datahub.exchange.RecordConverter.Converted;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * A batch on its way to a target, through the target's push route: the batch's converted records, made into what
 * the target takes when it asks. A table takes {@link #records()}, projected to the items it may receive and
 * masked. A file target appends the Avro encodings ({@link #appendTo}): the records' own, as converted, when it
 * takes every item unmasked, otherwise made from them by {@link TargetEncoding}. An HTTP target is sent JSON made
 * from the records' encodings too ({@link #json}). Neither builds masked records nor encodes an item twice.
 */
final class TargetBatch {

	private static final JsonFactory JSON = new JsonFactory();

	private final Resource resource;

	private final Schema full;

	private final Schema schema;

	private final Map<String, MaskingRule> masks;

	private final List<Converted> converted;

	private final String batchId;

	private List<GenericRecord> records;

	/**
	 * @param full the resource's schema, which the records were converted to
	 * @param fields the only items the target receives; empty: every item
	 * @param masks the rule for each item the target receives masked, by name; empty: none
	 * @param batchId names the batch the same way each time the same source is read
	 */
	TargetBatch(Resource resource, Schema full, List<String> fields, Map<String, MaskingRule> masks,
			List<Converted> converted, String batchId) {
		this.resource = resource;
		this.full = full;
		this.schema = fields.isEmpty() ? full : Projection.of(full, fields);
		this.masks = masks;
		this.converted = converted;
		this.batchId = batchId;
	}

	Resource resource() {
		return this.resource;
	}

	/** The schema of the records the target receives. */
	Schema schema() {
		return this.schema;
	}

	String batchId() {
		return this.batchId;
	}

	/**
	 * The records in the target's schema, masked as it must receive them, in order; made on the first call.
	 * @throws NullPointerException when the run kept only encodings, its targets having said they take no records
	 */
	List<GenericRecord> records() {
		if (this.records == null) {
			this.records = this.converted.stream()
				.map(c -> Objects.requireNonNull(c.record(), "a run whose targets read no records kept none"))
				.map(r -> this.schema == this.full ? r : Projection.apply(r, this.schema))
				.map(r -> Masking.apply(r, this.masks))
				.toList();
		}
		return this.records;
	}

	/** Appends the records' encodings in the target's schema, in order, to a container file of {@link #schema()}. */
	void appendTo(DataFileWriter<GenericRecord> file) throws IOException {
		if (this.schema == this.full && this.masks.isEmpty()) {
			for (Converted record : this.converted) {
				file.appendEncoded(ByteBuffer.wrap(record.encoded()));
			}
			return;
		}
		TargetEncoding encoding = new TargetEncoding(this.full, this.schema, this.masks);
		for (Converted record : this.converted) {
			file.appendEncoded(encoding.of(record.encoded()));
		}
	}

	/**
	 * The JSON array an HTTP target is sent: the records in Avro's JSON encoding of {@link #schema()}, masked, in
	 * order, written from their encodings ({@link EncodedJson}).
	 */
	byte[] json() throws IOException {
		// the names and unions make a record's JSON about twice its encoding: sized so, the buffer is seldom copied
		ByteArrayOutputStream out = new ByteArrayOutputStream(
				2 * this.converted.stream().mapToInt(record -> record.encoded().length).sum() + 2);
		EncodedJson record = new EncodedJson(this.full, this.schema, this.masks);
		try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
			json.writeStartArray();
			for (Converted converted : this.converted) {
				record.write(converted.encoded(), json);
			}
			json.writeEndArray();
		}
		return out.toByteArray();
	}

}
