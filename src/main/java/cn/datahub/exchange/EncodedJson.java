package cn.datahub.exchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Avro's JSON encoding of a record as a target receives it, written from the record's binary encoding in the
 * resource's schema: the items the target may not see left out, masked items cut by their rule in their UTF-8
 * bytes ({@link Utf8Masking}). It is what Avro's {@code JsonEncoder} writes for the projected and masked record (an
 * optional item as a union, {@code {"string": "…"}} or {@code null}; a decimal as its bytes, each a character of
 * ISO-8859-1), with each value read once from the bytes and each string written as the UTF-8 it is. Building masked
 * records for Avro's encoder, which steps through a grammar for every value and is given each string as a Java
 * string, was most of an HTTP target's work. One instance serves one target's batch on one thread.
 */
final class EncodedJson {

	private final List<Item> items;

	private final Utf8Masking masking = new Utf8Masking();

	private BinaryDecoder decoder;

	private Utf8 text = new Utf8();

	private ByteBuffer bytes;

	/**
	 * @param target the full schema, or a projection of it ({@link Projection}) with the same fields in the same order
	 * @param masks the rule for each masked item, by name; text items only
	 */
	EncodedJson(Schema full, Schema target, Map<String, MaskingRule> masks) {
		this.items = full.getFields().stream().map(field -> Item.of(field, target, masks.get(field.name()))).toList();
	}

	/** Writes the record whose encoding in the full schema is {@code encoded} as one JSON object. */
	void write(byte[] encoded, JsonGenerator json) throws IOException {
		this.decoder = DecoderFactory.get().binaryDecoder(encoded, this.decoder);
		json.writeStartObject();
		for (Item item : this.items) {
			boolean present = item.branch() == null || this.decoder.readIndex() != 0;
			if (item.name() == null) {
				if (present) {
					skipValue(item.type());
				}
				continue;
			}
			json.writeFieldName(item.name());
			if (!present) {
				json.writeNull();
			}
			else if (item.branch() == null) {
				writeValue(item, json);
			}
			else {
				json.writeStartObject();
				json.writeFieldName(item.branch());
				writeValue(item, json);
				json.writeEndObject();
			}
		}
		json.writeEndObject();
	}

	private void writeValue(Item item, JsonGenerator json) throws IOException {
		switch (item.type()) {
			case STRING -> {
				this.text = this.decoder.readString(this.text);
				if (item.mask() == null) {
					json.writeUTF8String(this.text.getBytes(), 0, this.text.getByteLength());
				}
				else {
					int length = this.masking.mask(this.text.getBytes(), 0, this.text.getByteLength(), item.mask());
					json.writeUTF8String(this.masking.masked(), 0, length);
				}
			}
			case BYTES -> {
				this.bytes = this.decoder.readBytes(this.bytes);
				json.writeString(new String(this.bytes.array(), this.bytes.arrayOffset() + this.bytes.position(),
						this.bytes.remaining(), StandardCharsets.ISO_8859_1));
			}
			case INT -> json.writeNumber(this.decoder.readInt());
			case LONG -> json.writeNumber(this.decoder.readLong());
			case FLOAT -> json.writeNumber(this.decoder.readFloat());
			case DOUBLE -> json.writeNumber(this.decoder.readDouble());
			case BOOLEAN -> json.writeBoolean(this.decoder.readBoolean());
			default -> throw new IllegalStateException("resource schemas have no " + item.type() + " items");
		}
	}

	private void skipValue(Schema.Type type) throws IOException {
		switch (type) {
			case STRING -> this.decoder.skipString();
			case BYTES -> this.decoder.skipBytes();
			case INT -> this.decoder.readInt();
			case LONG -> this.decoder.readLong();
			case FLOAT -> this.decoder.readFloat();
			case DOUBLE -> this.decoder.readDouble();
			case BOOLEAN -> this.decoder.readBoolean();
			default -> throw new IllegalStateException("resource schemas have no " + type + " items");
		}
	}

	/**
	 * A field of the full schema: its name, null when the target does not receive it; its value's type; for an
	 * optional item (a union of null and the type), the name Avro gives the value's branch ({@code string},
	 * {@code int} for a date …); its mask if any.
	 */
	private record Item(SerializedString name, Schema.Type type, SerializedString branch, MaskingRule mask) {

		static Item of(Schema.Field field, Schema target, MaskingRule mask) {
			SerializedString name = target.getField(field.name()) == null ? null : new SerializedString(field.name());
			Schema schema = field.schema();
			Schema value = schema.isUnion() ? schema.getTypes().get(1) : schema;
			if (mask != null && value.getType() != Schema.Type.STRING) {
				throw new IllegalArgumentException("only text items are masked, not " + field.name() + " ("
						+ value.getType() + ")");
			}
			return new Item(name, value.getType(), schema.isUnion() ? new SerializedString(value.getFullName()) : null,
					mask);
		}

	}

}
