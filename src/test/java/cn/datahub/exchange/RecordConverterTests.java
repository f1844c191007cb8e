package cn.datahub.exchange;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.Resource;
import cn.datahub.exchange.RecordConverter.Converted;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records checked against a resource's items on their way into Avro: 企业年度报告信息 with a USCC, a name, a year,
 * an amount, a date, a time and a flag.
 */
class RecordConverterTests {

	private static final Resource REPORTS = new Resource("371525-SCJ-0014", "企业年度报告信息", "11371525MB28604130", null,
			"MARKET_REGULATION", null, null, null, null, null, null, null,
			List.of(new DataItem("tyshxydm", "统一社会信用代码", "string", true), new DataItem("qymc", "企业名称", "string", true),
					new DataItem("nd", "年度", "integer", true), new DataItem("zcze", "资产总额（万元）", "decimal", false),
					new DataItem("bsrq", "报送日期", "date", false), new DataItem("gxsj", "更新时间", "datetime", false),
					new DataItem("sfgs", "是否公示", "boolean", false)),
			null, 1, null);

	private static final RecordConverter CONVERTER = new RecordConverter(REPORTS, ZoneId.of("Asia/Shanghai"));

	@Test
	void convertsEveryType() {
		Converted converted = convert(valid());

		assertThat(converted.accepted()).as("%s", converted.rejection()).isTrue();
		GenericRecord record = converted.record();
		assertThat(record.get("qymc")).isEqualTo("聊城市鲁西化工有限公司");
		assertThat(record.get("nd")).isEqualTo(2025L);
		assertThat((BigDecimal) record.get("zcze")).isEqualByComparingTo("12345.6789");
		assertThat(record.get("bsrq")).isEqualTo((int) LocalDate.of(2026, 6, 30).toEpochDay());
		assertThat(record.get("gxsj")).isEqualTo(1782783000000L);
		assertThat(record.get("sfgs")).isEqualTo(true);
		assertThat(converted.fingerprint()).as("the SHA-256 of the Avro encoding")
			.isEqualTo(Fingerprint.of(sha256(converted.encoded())));
	}

	@Test
	void columnsMayBeNamedByTheirChineseTitles() {
		Map<String, Object> titled = new LinkedHashMap<>();
		titled.put("统一社会信用代码", "91371500MA3C4PB03C");
		titled.put("企业名称", "聊城市鲁西化工有限公司");
		titled.put("年度", "2025");
		titled.put("备注", "not an item: ignored");

		Converted converted = convert(titled);

		assertThat(converted.accepted()).as("%s", converted.rejection()).isTrue();
		assertThat(converted.fingerprint()).isEqualTo(convert(Map.of("tyshxydm", "91371500MA3C4PB03C", "qymc",
				"聊城市鲁西化工有限公司", "nd", 2025)).fingerprint());
	}

	@ParameterizedTest(name = "{0} = ''{1}''")
	@CsvSource({
		"tyshxydm, 91371500MA3C4PB03D",
		"tyshxydm, ''",
		"qymc, '  '",
		"nd, 二〇二五",
		"nd, 2025.5",
		"zcze, 十万",
		"zcze, 1.00000000001",
		"bsrq, 2021-02-30",
		"bsrq, 2026-02-29",
		"bsrq, 2026-6-3x",
		"bsrq, 2026/13/01",
		"gxsj, 2026-06-30 25:00",
		"gxsj, 2026-06-30 24:00:00",
		"gxsj, 2026-02-29 09:30",
		"gxsj, 2026-06-30 09:60:00",
		"sfgs, 也许",
	})
	void refusesAValueItsItemCannotHold(String item, String value) {
		Map<String, Object> values = valid();
		values.put(item, value);

		Converted converted = convert(values);

		assertThat(converted.accepted()).isFalse();
		assertThat(converted.rejection().field()).isEqualTo(item);
		assertThat(converted.rejection().reasonZh()).isNotBlank();
	}

	@Test
	void readsTheNumbersOfAJsonRecordAsWritten() {
		SourceRecord json = SourceFiles.parse(3, """
				{"tyshxydm":"91371500MA3C4PB03C","qymc":"聊城市鲁西化工有限公司","nd":2025,"zcze":1234567890123456.78}""");

		Converted converted = CONVERTER.convert(json);

		assertThat(converted.accepted()).as("%s", converted.rejection()).isTrue();
		assertThat((BigDecimal) converted.record().get("zcze")).isEqualByComparingTo("1234567890123456.78");
		assertThat(converted.record().get("nd")).isEqualTo(2025L);
	}

	@Test
	void refusesAJsonNumberWithAFractionForAnIntegerItem() {
		SourceRecord json = SourceFiles.parse(4, """
				{"tyshxydm":"91371500MA3C4PB03C","qymc":"聊城市鲁西化工有限公司","nd":2025.5}""");

		Converted converted = CONVERTER.convert(json);

		assertThat(converted.accepted()).isFalse();
		assertThat(converted.rejection().field()).isEqualTo("nd");
	}

	@Test
	void stripsIdeographicSpacesAndTakesAValueOfThemOnlyAsMissing() {
		Map<String, Object> values = valid();
		values.put("qymc", "\u3000聊城市鲁西化工有限公司\u3000");
		assertThat(convert(values).record().get("qymc")).isEqualTo("聊城市鲁西化工有限公司");

		values.put("qymc", "\u3000\u3000");
		Converted missing = convert(values);
		assertThat(missing.accepted()).isFalse();
		assertThat(missing.rejection().reasonZh()).isEqualTo("必填数据项企业名称（qymc）为空");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "2026-06-30", "2026/6/30", "2026年6月30日", "20260630" })
	void readsTheDateFormsDepartmentSystemsWrite(String date) {
		Map<String, Object> values = valid();
		values.put("bsrq", date);

		assertThat(convert(values).record().get("bsrq")).isEqualTo((int) LocalDate.of(2026, 6, 30).toEpochDay());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "2026-06-30 09:30:00", "2026-06-30 09:30", "2026-06-30T09:30:00", "2026-06-30T09:30",
			"2026/6/30 9:30", "2026/6/30 9:30:00", "2026-06-30T09:30:00.000" })
	void readsTheTimeFormsDepartmentSystemsWriteInTheHubsZone(String time) {
		Map<String, Object> values = valid();
		values.put("gxsj", time);

		assertThat(convert(values).record().get("gxsj"))
			.isEqualTo(LocalDateTime.of(2026, 6, 30, 9, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli());
	}

	private static Map<String, Object> valid() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("tyshxydm", "91371500MA3C4PB03C");
		values.put("qymc", "聊城市鲁西化工有限公司");
		values.put("nd", "2025");
		values.put("zcze", "12345.6789");
		values.put("bsrq", "2026-06-30");
		values.put("gxsj", "2026-06-30 09:30:00");
		values.put("sfgs", "是");
		return values;
	}

	private static Converted convert(Map<String, Object> values) {
		return CONVERTER.convert(new SourceRecord(2, values.toString(), values));
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
