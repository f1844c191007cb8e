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

	public static <T> byte[] array(Schema schema, DatumWriter<T> writer, List<T> data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write('[');
		JsonEncoder encoder = null;
		for (int i = 0; i < data.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			// One encoder a batch: it builds the schema's grammar when made; configured anew, it starts a new value.
			encoder = encoder == null ? EncoderFactory.get().jsonEncoder(schema, out) : encoder.configure(out);
			writer.write(data.get(i), encoder);
			encoder.flush();
		}
		out.write(']');
		return out.toByteArray();
	}

}
