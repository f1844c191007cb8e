package cn.datahub.exchange;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON an HTTP target is sent for a batch of 参保人员登记信息 ({@link TargetBatch#json}, written from the
 * records' encodings by {@link EncodedJson}): the same JSON values as Avro's JSON encoder writes for the projected
 * and masked records, on the awkward records of {@link AwkwardRegister}, with decimals (缴费基数), dates and times.
 * Avro's encoder escapes 𠮷 as two UTF-16 units; this one writes its UTF-8.
 */
class EncodedJsonTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@ParameterizedTest(name = "items [{0}], masked: {1}")
	@CsvSource(delimiter = ';', value = {
		"'';                          false",
		"'';                          true",
		"xm,sfzh,hjdz,jfjs,cbrq,gxsj; true",
		"sfzh,jfys,bz;                false",
	})
	void isWhatAvrosJsonEncoderWritesForTheProjectedAndMaskedRecords(String items, boolean masked) throws Exception {
		RecordConverter converter = AwkwardRegister.converter();
		List<String> fields = items.isEmpty() ? List.of() : List.of(items.split(","));
		TargetBatch batch = new TargetBatch(AwkwardRegister.REGISTER, converter.schema(), fields,
				masked ? AwkwardRegister.MASKS : Map.of(), AwkwardRegister.records(converter, 2000),
				"参保人员登记信息.jsonl-000001");
		byte[] expected = AvroJson.array(batch.schema(),
				new GenericDatumWriter<>(batch.schema(), RecordConverter.genericData()), batch.records());

		byte[] json = batch.json();

		JsonNode written = JSON.readTree(json);
		JsonNode avro = JSON.readTree(expected);
		assertThat(written).hasSize(avro.size());
		for (int i = 0; i < avro.size(); i++) {
			assertThat(written.get(i)).as("record %d", i).isEqualTo(avro.get(i));
		}
		assertThat(written.get(0).properties()).extracting(Map.Entry::getKey)
			.containsExactlyElementsOf(batch.schema().getFields().stream().map(Schema.Field::name).toList())
			.hasSize(fields.isEmpty() ? 20 : fields.size());
	}

}
