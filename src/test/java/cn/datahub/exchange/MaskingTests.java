package cn.datahub.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.Resource;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped masking rules of {@code config/masking.yaml} on real-looking Chinese personal data.
 */
class MaskingTests {

	private static final Masking MASKING = new Masking(new DefaultResourceLoader(),
			new ExchangeProperties(Path.of("inbox"), Path.of("outbox"), Path.of("versions"), "file:config/masking.yaml", 1000, 2000, 8));

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource({
		"gmsfhm, 370102199003074512, 370102********4512",
		"gmsfhm, 37152519851111002X, 371525********002X",
		"sjhm, 13906351234, 139****1234",
		"xm, 张建国, 张**",
		"xm, 欧阳娜娜, 欧***",
		"xm, 李, 李*",
		"xm, 𠮷祥, 𠮷*",
		"dz, 山东省聊城市冠县清泉街道振兴路10号, 山东省聊城市冠县****",
		"dz, 聊城市东昌府区柳园街道建设路88号3单元, 聊城市东昌府区****",
		"dz, 山东省临清市青年路街道先锋路5号, 山东省临清市****",
		"dz, 冠县, 冠县",
		"dz, 山东省聊城市冠县𠮷祥路10号, 山东省聊城市冠县****",
		"dz, 临清市, 临清市",
		"dz, 青年路5号, ****",
	})
	void masksPersonalItems(String item, String value, String masked) throws IOException {
		Map<String, MaskingRule> plan = MASKING.plan(resident());

		assertThat(plan.get(item).mask(value)).isEqualTo(masked);
		assertThat(maskedInUtf8(plan.get(item), value)).as("masked in a target's encoding").isEqualTo(masked);
	}

	@Test
	void itemsAreFoundByTitleAsWellAsName() {
		Resource licences = resource(new DataItem("jyzxm", "经营者姓名", "string", false),
				new DataItem("jycs", "经营场所", "string", false), new DataItem("ztmc", "市场主体名称", "string", true),
				new DataItem("clrq", "成立日期", "date", false));

		assertThat(MASKING.plan(licences)).containsOnlyKeys("jyzxm", "jycs");
		assertThat(MASKING.plan(licences).get("jyzxm").id()).isEqualTo("person-name");
	}

	/** The value masked as a masked file target masks it: in its record's Avro encoding ({@link TargetEncoding}). */
	private static String maskedInUtf8(MaskingRule rule, String value) throws IOException {
		Schema schema = SchemaBuilder.record("r").fields().requiredString("v").endRecord();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
		encoder.writeString(value);
		encoder.flush();
		ByteBuffer masked = new TargetEncoding(schema, schema, Map.of("v", rule)).of(bytes.toByteArray());
		return DecoderFactory.get()
			.binaryDecoder(masked.array(), masked.arrayOffset(), masked.remaining(), null)
			.readString();
	}

	private static Resource resident() {
		return resource(new DataItem("gmsfhm", "公民身份号码", "string", true), new DataItem("xm", "姓名", "string", true),
				new DataItem("sjhm", "手机号码", "string", false), new DataItem("dz", "现住址", "string", false),
				new DataItem("csrq", "出生日期", "date", false));
	}

	private static Resource resource(DataItem... items) {
		return new Resource("371525-GAJ-0001", "常住人口基本信息", "11371525004612808X", null, "PUBLIC_SAFETY", null, null, null,
				null, null, null, null, List.of(items), null, 1, null);
	}

}
