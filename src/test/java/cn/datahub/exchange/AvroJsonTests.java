package cn.datahub.exchange;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body of a push: 个体工商户 records of 冠县 as one JSON array, each element Avro's JSON encoding of a record,
 * read back exactly with the schema.
 */
class AvroJsonTests {

	private static final Schema SCHEMA = SchemaBuilder.record("gtgsh")
		.fields()
		.requiredString("tyshxydm")
		.requiredString("ztmc")
		.optionalString("jyzxm")
		.endRecord();

	@Test
	void aBatchIsOneArrayWhoseElementsReadBackWithTheSchema() throws Exception {
		List<GenericRecord> batch = List.of(record("92371525MA3MXGRR56", "冠县清泉便民超市", "张秀兰"),
				record("92371525MA3N1PKX2B", "冠县柳林镇益民农资店", null),
				record("92371525MA3P5UW57K", "冠县范寨镇鑫源五金店", "王建军"));

		byte[] body = AvroJson.array(SCHEMA, new GenericDatumWriter<>(SCHEMA), batch);

		JsonNode array = new ObjectMapper().readTree(body);
		assertThat(array.isArray()).isTrue();
		assertThat(array).hasSize(3);
		assertThat(array.get(0).path("jyzxm").path("string").asText()).isEqualTo("张秀兰");
		List<GenericRecord> read = new ArrayList<>();
		for (JsonNode element : array) {
			read.add(new GenericDatumReader<GenericRecord>(SCHEMA).read(null,
					DecoderFactory.get().jsonDecoder(SCHEMA, element.toString())));
		}
		assertThat(read).isEqualTo(batch);
	}

	@Test
	void anEmptyBatchIsAnEmptyArray() throws Exception {
		assertThat(new String(AvroJson.array(SCHEMA, new GenericDatumWriter<>(SCHEMA), List.of()))).isEqualTo("[]");
	}

	private static GenericRecord record(String uscc, String name, String operator) {
		GenericData.Record record = new GenericData.Record(SCHEMA);
		record.put("tyshxydm", uscc);
		record.put("ztmc", name);
		record.put("jyzxm", operator);
		return record;
	}

}
