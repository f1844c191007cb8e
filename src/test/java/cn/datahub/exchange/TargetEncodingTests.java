package cn.datahub.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.datahub.catalogue.Resource;
import cn.datahub.exchange.RecordConverter.Converted;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target's encoding of 参保人员登记信息 made from each record's own: byte for byte what Avro writes for the
 * projected and masked copy of the record, for the masked items 姓名, 公民身份号码 (required, so not a union), 手机号码
 * and the two addresses, with optional items left empty, the masked ones too, and names and addresses with a
 * character beyond the BMP (𠮷, four bytes of UTF-8, two Java chars).
 */
class TargetEncodingTests {

	private static final Resource REGISTER = PersonRegister.resource("371525-RSJ-0101", "11371525MB2860455X");

	private static final RecordConverter CONVERTER = new RecordConverter(REGISTER, ZoneId.of("Asia/Shanghai"));

	private static final Map<String, MaskingRule> MASKS = new Masking(new DefaultResourceLoader(),
			new ExchangeProperties(Path.of("inbox"), Path.of("outbox"), Path.of("versions"), "file:config/masking.yaml", 1000, 2000, 8))
		.plan(REGISTER);

	@ParameterizedTest(name = "items [{0}], masked: {1}")
	@CsvSource(delimiter = ';', value = {
		"'';                          true",
		"xm,sfzh,hjdz,jfjs,cbrq,gxsj; true",
		"sfzh,jfys,bz;                true",
		"xm,sfzh,hjdz,jfjs,cbrq,gxsj; false",
	})
	void isWhatAvroWritesForTheProjectedAndMaskedRecord(String items, boolean masked) throws IOException {
		assertThat(MASKS).containsKeys("xm", "sfzh", "sjhm", "hjdz", "xzz");
		List<String> fields = items.isEmpty() ? List.of() : List.of(items.split(","));
		Map<String, MaskingRule> masks = masked ? MASKS : Map.of();
		Schema target = fields.isEmpty() ? CONVERTER.schema() : Projection.of(CONVERTER.schema(), fields);
		TargetEncoding encoding = new TargetEncoding(CONVERTER.schema(), target, masks);
		GenericDatumWriter<GenericRecord> avro = new GenericDatumWriter<>(target, RecordConverter.genericData());
		PersonRegister register = new PersonRegister(20261207);
		int compared = 0;
		for (long n = 0; n < 3000; n++) {
			Map<String, Object> values = register.record(n);
			if (n % 7 == 0) {
				values.put("xm", "𠮷" + values.get("xm"));
				values.put("hjdz", values.get("hjdz").toString().replace("冠县", "冠县𠮷祥"));
			}
			if (n % 3 == 0) {
				values.replaceAll((item, value) -> item.equals("sfzh") ? value : "");
			}
			Converted record = CONVERTER.convert(new SourceRecord(n, null, values));
			if (!record.accepted()) {
				continue;
			}
			GenericRecord copy = Masking.apply(Projection.apply(record.record(), target), masks);
			byte[] expected = encode(avro, copy);

			ByteBuffer made = encoding.of(record.encoded());

			assertThat(Arrays.copyOfRange(made.array(), made.arrayOffset(), made.arrayOffset() + made.remaining()))
				.as("record %d: %s", n, copy)
				.isEqualTo(expected);
			compared++;
		}
		assertThat(compared).isGreaterThan(2990);
	}

	private static byte[] encode(GenericDatumWriter<GenericRecord> avro, GenericRecord record) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
		avro.write(record, encoder);
		encoder.flush();
		return bytes.toByteArray();
	}

}
