package cn.datahub.catalogue;

import java.util.ArrayList;
import java.util.List;

import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.datahub.catalogue.CatalogueFixtures.itemOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules for a resource's data items (信息项): at least one, each an ASCII identifier that becomes an Avro
 * field, named once, titled, and of a known type.
 */
@HubTest
class DataItemRulesIntegrationTests extends LicenceTests {

	@Test
	void rejectsMissingOrEmptyItems() {
		this.licences.remove("items");
		refused("items");

		this.licences.put("items", List.of());
		refused("items");
	}

	@ParameterizedTest
	@ValueSource(strings = { "统一代码", "1abc", "a-b", "a b", " qymc2", "_qymc", "ｑｙｍｃ", "" })
	void rejectsItemNameThatIsNotAnAsciiIdentifier(String name) {
		itemOf(this.licences, 1).put("name", name);

		refused("items[1].name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tyshxydm", "TYSHXYDM" })
	void rejectsDuplicateItemNames(String duplicate) {
		itemOf(this.licences, 3).put("name", duplicate);

		refused("items[3].name");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "text", "varchar", "int", "文本型" })
	void rejectsUnknownItemType(String type) {
		itemOf(this.licences, 2).put("type", type);

		refused("items[2].type");
	}

	@ParameterizedTest
	@CsvSource({ "字符型, string", "STRING, string", "数值型, decimal", "' date ', date", "Boolean, boolean", "日期时间型, datetime" })
	void acceptsItemTypeByCodeOrChineseLabelAndStoresTheCode(String given, String stored) {
		itemOf(this.licences, 2).put("type", given);

		this.api.create(this.licences);

		assertThat(this.api.get("/api/resources/{code}", this.code).json().path("items").get(2).path("type").asText()).isEqualTo(stored);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\u3000" })
	void rejectsBlankItemTitle(String title) {
		itemOf(this.licences, 0).put("title", title);

		refused("items[0].title");
	}

	@Test
	void rejectsNullItem() {
		List<Object> items = new ArrayList<>(List.of(itemOf(this.licences, 0)));
		items.add(null);
		this.licences.put("items", items);

		refused("items[1]");
	}

}
