package cn.datahub.catalogue;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * Derives a resource's Avro record schema from its data items: one field per item, the item's title kept as
 * the field's doc, optional items nullable. The exchange validates and serialises records with it.
 */
public final class ResourceSchema {

	static final String NAMESPACE = "cn.datahub.resource";

	private ResourceSchema() {
	}

	public static Schema of(Resource resource) {
		SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(recordName(resource.code()))
			.namespace(NAMESPACE)
			.doc(resource.name())
			.fields();
		for (DataItem item : resource.items()) {
			Schema type = ItemType.parse(item.type()).orElseThrow().avroSchema();
			if (item.required()) {
				fields.name(item.name()).doc(item.title()).type(type).noDefault();
			}
			else {
				fields.name(item.name()).doc(item.title()).type(Schema.createUnion(Schema.create(Schema.Type.NULL), type))
					.withDefault(null);
			}
		}
		return fields.endRecord();
	}

	/** Avro names allow letters, digits and underscores only; resource codes also use '-' and '.'. */
	static String recordName(String code) {
		return "R_" + code.replaceAll("[^A-Za-z0-9_]", "_");
	}

}
