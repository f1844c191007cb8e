package cn.datahub.catalogue.transfer;

import java.util.List;

import cn.datahub.catalogue.DataItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ItemCellTests {

	@Test
	void readsItemsWrittenWithFullWidthSeparatorsAndLineBreaks() {
		ItemCell.Parsed parsed = ItemCell.parse("tyshxydm：统一社会信用代码：字符型：必填；qymc:企业名称:string:required\r\nclrq:成立日期:date;");

		assertThat(parsed.violations()).isEmpty();
		assertThat(parsed.items()).containsExactly(new DataItem("tyshxydm", "统一社会信用代码", "字符型", true),
				new DataItem("qymc", "企业名称", "string", true), new DataItem("clrq", "成立日期", "date", false));
	}

	@Test
	void keepsAColonInsideATitle() {
		assertThat(ItemCell.parse("bz:备注：附件说明:string").items())
			.containsExactly(new DataItem("bz", "备注：附件说明", "string", false));
	}

	@Test
	void writesChineseTypeLabelsThatReadBackToTheSameItems() {
		List<DataItem> items = List.of(new DataItem("sfzhm", "公民身份号码", "string", true),
				new DataItem("cbrq", "参保日期", "date", false), new DataItem("jfje", "缴费金额", "decimal", false));

		String cell = ItemCell.format(items);

		assertThat(cell).isEqualTo("sfzhm:公民身份号码:字符型:必填;cbrq:参保日期:日期型;jfje:缴费金额:数值型");
		assertThat(ItemCell.parse(cell).items()).extracting(DataItem::name, DataItem::required)
			.containsExactly(tuple("sfzhm", true), tuple("cbrq", false),
					tuple("jfje", false));
	}

	@Test
	void reportsAnEntryWithoutTitleAndTypeByItsIndex() {
		ItemCell.Parsed parsed = ItemCell.parse("tyshxydm:统一社会信用代码:string;qymc企业名称");

		assertThat(parsed.violations()).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("items[1]");
			assertThat(v.messageZh()).contains("qymc企业名称");
		});
		assertThat(parsed.malformed()).containsExactly(1);
	}

}
