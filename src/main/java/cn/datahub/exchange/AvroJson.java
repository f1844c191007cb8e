package cn.datahub.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;

/**
 * The body every push sends: a JSON array whose elements are Avro's JSON encoding of one datum each, so a platform
 * reads each back exactly with the schema (an optional field is a union: {@code {"string": "…"}}).
 */
public final class AvroJson {

	private AvroJson() {
	}

	/**
	 * One encoder writes the whole batch: Avro makes a JSON generator (and a JSON factory) each time an encoder is
	 * made or configured, which for a record at a time allocated more than all the rest of an HTTP push. The
	 * encoder writes a line break before each value after the first, as between the values of a JSON-lines file;
	 * the comma written before it, once the value before is flushed, makes that break whitespace in an array.
	 */
	public static <T> byte[] array(Schema schema, DatumWriter<T> writer, List<T> data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write('[');
		JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
		for (int i = 0; i < data.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			writer.write(data.get(i), encoder);
			encoder.flush();
		}
		out.write(']');
		return out.toByteArray();
	}

}
