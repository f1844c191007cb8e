package cn.datahub.exchange;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The part of a resource's records a target may receive: a consumer's target gets only the items its grant names,
 * as records of a schema with only those fields (same names, types and docs), so nothing else leaves the hub.
 */
final class Projection {

	private Projection() {
	}

	/** The schema with only {@code fields}, in the resource's order. */
	static Schema of(Schema schema, List<String> fields) {
		List<Schema.Field> kept = schema.getFields().stream().filter(f -> fields.contains(f.name()))
			.map(f -> new Schema.Field(f, f.schema()))
			.toList();
		return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, kept);
	}

	static GenericRecord apply(GenericRecord record, Schema projected) {
		GenericData.Record part = new GenericData.Record(projected);
		projected.getFields().forEach(f -> part.put(f.name(), record.get(f.name())));
		return part;
	}

}
