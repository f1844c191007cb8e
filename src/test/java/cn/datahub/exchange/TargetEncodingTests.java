package cn.datahub.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.datahub.exchange.RecordConverter.Converted;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target's encoding of 参保人员登记信息 made from each record's own: byte for byte what Avro writes for the
 * projected and masked copy of the record, on the awkward records of {@link AwkwardRegister}.
 */
class TargetEncodingTests {

	@ParameterizedTest(name = "items [{0}], masked: {1}")
	@CsvSource(delimiter = ';', value = {
		"'';                          true",
		"xm,sfzh,hjdz,jfjs,cbrq,gxsj; true",
		"sfzh,jfys,bz;                true",
		"xm,sfzh,hjdz,jfjs,cbrq,gxsj; false",
	})
	void isWhatAvroWritesForTheProjectedAndMaskedRecord(String items, boolean masked) throws IOException {
		RecordConverter converter = AwkwardRegister.converter();
		List<String> fields = items.isEmpty() ? List.of() : List.of(items.split(","));
		Map<String, MaskingRule> masks = masked ? AwkwardRegister.MASKS : Map.of();
		Schema target = fields.isEmpty() ? converter.schema() : Projection.of(converter.schema(), fields);
		TargetEncoding encoding = new TargetEncoding(converter.schema(), target, masks);
		GenericDatumWriter<GenericRecord> avro = new GenericDatumWriter<>(target, RecordConverter.genericData());
		for (Converted record : AwkwardRegister.records(converter, 3000)) {
			GenericRecord copy = Masking.apply(Projection.apply(record.record(), target), masks);
			byte[] expected = encode(avro, copy);

			ByteBuffer made = encoding.of(record.encoded());

			assertThat(Arrays.copyOfRange(made.array(), made.arrayOffset(), made.arrayOffset() + made.remaining()))
				.as("record %s", copy)
				.isEqualTo(expected);
		}
	}

	private static byte[] encode(GenericDatumWriter<GenericRecord> avro, GenericRecord record) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
		avro.write(record, encoder);
		encoder.flush();
		return bytes.toByteArray();
	}

}
