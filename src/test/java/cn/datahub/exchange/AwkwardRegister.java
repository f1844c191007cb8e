package cn.datahub.exchange;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.datahub.catalogue.Resource;
import cn.datahub.exchange.RecordConverter.Converted;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 参保人员登记信息 records converted as the hub converts them, with what makes writing a target's copy from a record's
 * encoding hard: every seventh has a name and an address with a character beyond the BMP (𠮷, four bytes of UTF-8,
 * two Java chars) and a remark with quotes, a backslash, a line break and a tab; every third has only its key, its
 * optional items (the masked ones too) left empty. With the shipped masking rules ({@code config/masking.yaml}).
 */
final class AwkwardRegister {

	static final Resource REGISTER = PersonRegister.resource("371525-RSJ-0101", "11371525MB2860455X");

	/** The rule for each masked item: 姓名, 公民身份号码 (required, so not a union), 手机号码 and the two addresses. */
	static final Map<String, MaskingRule> MASKS = new Masking(new DefaultResourceLoader(),
			new ExchangeProperties(Path.of("inbox"), Path.of("outbox"), Path.of("versions"), "file:config/masking.yaml",
					1000, 2000, 8))
		.plan(REGISTER);

	private AwkwardRegister() {
	}

	static RecordConverter converter() {
		return new RecordConverter(REGISTER, ZoneId.of("Asia/Shanghai"));
	}

	/** The first {@code count} records, converted; the few whose check character is wrong left out. */
	static List<Converted> records(RecordConverter converter, int count) {
		PersonRegister register = new PersonRegister(20261207);
		List<Converted> records = new ArrayList<>();
		for (long n = 0; n < count; n++) {
			Map<String, Object> values = register.record(n);
			if (n % 7 == 0) {
				values.put("xm", "𠮷" + values.get("xm"));
				values.put("hjdz", values.get("hjdz").toString().replace("冠县", "冠县𠮷祥"));
				values.put("bz", "单位称\"补缴\"已办结\\见附件\n第2页\t核对人：王");
			}
			if (n % 3 == 0) {
				values.replaceAll((item, value) -> item.equals("sfzh") ? value : "");
			}
			Converted record = converter.convert(new SourceRecord(n, null, values));
			if (record.accepted()) {
				records.add(record);
			}
		}
		assertThat(records).hasSizeGreaterThan(count - count / 300);
		assertThat(MASKS).containsKeys("xm", "sfzh", "sjhm", "hjdz", "xzz");
		return records;
	}

}
