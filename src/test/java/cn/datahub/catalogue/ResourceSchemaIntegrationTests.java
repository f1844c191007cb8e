package cn.datahub.catalogue;

import java.util.List;

import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubTest;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static cn.datahub.catalogue.CatalogueFixtures.freshResourceCode;
import static cn.datahub.catalogue.CatalogueFixtures.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Avro record schema the exchange validates records with, derived from a resource's data items.
 */
@HubTest
class ResourceSchemaIntegrationTests extends LicenceTests {

	/** A code with a dot, which an Avro name cannot hold, and one item of every type. */
	@BeforeEach
	void useADottedCodeAndEveryItemType() {
		this.code = freshResourceCode("GX-SCJG.qy");
		this.licences.put("code", this.code);
		this.licences.put("items", items(new DataItem("tyshxydm", "统一社会信用代码", "string", true),
				new DataItem("clrq", "成立日期", "date", true), new DataItem("zczb", "注册资本（万元）", "decimal", false),
				new DataItem("cyrs", "从业人数", "integer", false), new DataItem("djsj", "登记时间", "datetime", true),
				new DataItem("sfzx", "是否注销", "boolean", false)));
	}

	@Test
	void derivesRecordWithOneFieldPerItem() {
		this.api.create(this.licences);

		Schema schema = schema();

		assertThat(schema.getType()).isEqualTo(Schema.Type.RECORD);
		assertThat(schema.getName()).isEqualTo("R_" + this.code.replace('-', '_').replace('.', '_'));
		assertThat(schema.getDoc()).isEqualTo("企业营业执照信息");
		assertThat(schema.getFields()).extracting(Schema.Field::name)
			.containsExactly("tyshxydm", "clrq", "zczb", "cyrs", "djsj", "sfzx");
		assertThat(schema.getFields()).extracting(Schema.Field::doc)
			.containsExactly("统一社会信用代码", "成立日期", "注册资本（万元）", "从业人数", "登记时间", "是否注销");
	}

	@Test
	void makesRequiredItemsNonNullAndOptionalItemsAUnionWithNull() {
		this.api.create(this.licences);

		Schema schema = schema();

		assertThat(schema.getField("tyshxydm").schema().getType()).isEqualTo(Schema.Type.STRING);
		assertThat(schema.getField("tyshxydm").hasDefaultValue()).isFalse();
		Schema optional = schema.getField("cyrs").schema();
		assertThat(optional.getType()).isEqualTo(Schema.Type.UNION);
		assertThat(optional.getTypes()).extracting(Schema::getType).containsExactly(Schema.Type.NULL, Schema.Type.LONG);
		assertThat(schema.getField("cyrs").hasDefaultValue()).isTrue();
		assertThat(schema.getField("cyrs").defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
		assertThat(nonNull(schema.getField("sfzx").schema()).getType()).isEqualTo(Schema.Type.BOOLEAN);
	}

	@Test
	void mapsDatesAndDecimalsToAvroLogicalTypes() {
		this.api.create(this.licences);

		Schema schema = schema();

		Schema date = schema.getField("clrq").schema();
		assertThat(date.getType()).isEqualTo(Schema.Type.INT);
		assertThat(date.getLogicalType().getName()).isEqualTo("date");
		Schema decimal = nonNull(schema.getField("zczb").schema());
		assertThat(decimal.getType()).isEqualTo(Schema.Type.BYTES);
		assertThat(decimal.getLogicalType()).isInstanceOf(LogicalTypes.Decimal.class);
		LogicalTypes.Decimal precision = (LogicalTypes.Decimal) decimal.getLogicalType();
		assertThat(precision.getPrecision()).isGreaterThanOrEqualTo(precision.getScale()).isPositive();
		Schema datetime = schema.getField("djsj").schema();
		assertThat(datetime.getType()).isEqualTo(Schema.Type.LONG);
		assertThat(datetime.getLogicalType().getName()).isEqualTo("timestamp-millis");
	}

	@Test
	void followsTheItemsWhenTheyChange() {
		this.api.create(this.licences);
		this.licences.put("items", items(new DataItem("tyshxydm", "统一社会信用代码", "string", true),
				new DataItem("jyfw", "经营范围", "string", false)));

		assertThat(this.api.put(this.licences, "/api/resources/{code}", this.code).status()).isEqualTo(200);

		assertThat(schema().getFields()).extracting(Schema.Field::name).containsExactly("tyshxydm", "jyfw");
	}

	@Test
	void answersNotFoundForTheSchemaOfAnUnknownResource() {
		this.api.get("/api/resources/{code}/schema", this.code).isProblem(HttpStatus.NOT_FOUND);
	}

	private Schema schema() {
		Reply reply = this.api.get("/api/resources/{code}/schema", this.code);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		return new Schema.Parser().parse(reply.body());
	}

	private static Schema nonNull(Schema union) {
		assertThat(union.getType()).isEqualTo(Schema.Type.UNION);
		List<Schema> types = union.getTypes();
		assertThat(types).hasSize(2);
		assertThat(types.get(0).getType()).isEqualTo(Schema.Type.NULL);
		return types.get(1);
	}

}
