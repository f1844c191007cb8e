package cn.datahub.exchange;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.datahub.catalogue.Resource;
import cn.datahub.exchange.RecordConverter.Converted;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON an HTTP target is sent for a batch of 参保人员登记信息 ({@link TargetBatch#json}, written from the
 * records' encodings by {@link EncodedJson}): the same JSON values as Avro's JSON encoder writes for the projected
 * and masked records, with optional items left empty, decimals (缴费基数), dates and times, a character beyond the
 * BMP (𠮷: Avro's encoder escapes it as two UTF-16 units, this one writes its UTF-8), and remarks with quotes, a
 * backslash, a line break and a tab, which JSON escapes.
 */
class EncodedJsonTests {

	private static final Resource REGISTER = PersonRegister.resource("371525-RSJ-0101", "11371525MB2860455X");

	private static final RecordConverter CONVERTER = new RecordConverter(REGISTER, ZoneId.of("Asia/Shanghai"));

	private static final Map<String, MaskingRule> MASKS = new Masking(new DefaultResourceLoader(),
			new ExchangeProperties(Path.of("inbox"), Path.of("outbox"), Path.of("versions"), "file:config/masking.yaml",
					1000, 2000, 8))
		.plan(REGISTER);

	private static final ObjectMapper JSON = new ObjectMapper();

	@ParameterizedTest(name = "items [{0}], masked: {1}")
	@CsvSource(delimiter = ';', value = {
		"'';                          false",
		"'';                          true",
		"xm,sfzh,hjdz,jfjs,cbrq,gxsj; true",
		"sfzh,jfys,bz;                false",
	})
	void isWhatAvrosJsonEncoderWritesForTheProjectedAndMaskedRecords(String items, boolean masked) throws Exception {
		List<String> fields = items.isEmpty() ? List.of() : List.of(items.split(","));
		TargetBatch batch = new TargetBatch(REGISTER, CONVERTER.schema(), fields, masked ? MASKS : Map.of(),
				records(2000), "参保人员登记信息.jsonl-000001");
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

	private static List<Converted> records(int count) {
		PersonRegister register = new PersonRegister(20261208);
		List<Converted> records = new ArrayList<>();
		for (long n = 0; n < count; n++) {
			Map<String, Object> values = register.record(n);
			if (n % 7 == 0) {
				values.put("xm", "𠮷" + values.get("xm"));
				values.put("bz", "单位称\"补缴\"已办结\\见附件\n第2页\t核对人：王");
			}
			if (n % 3 == 0) {
				values.replaceAll((item, value) -> item.equals("sfzh") ? value : "");
			}
			Converted record = CONVERTER.convert(new SourceRecord(n, null, values));
			if (record.accepted()) {
				records.add(record);
			}
		}
		assertThat(records).hasSizeGreaterThan(count - 10);
		return records;
	}

}
