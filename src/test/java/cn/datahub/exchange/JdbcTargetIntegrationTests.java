package cn.datahub.exchange;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JDBC target: the records of 冠县市场监管's sample file written into a table of a consumer's database (an
 * in-memory H2 database configured in the test profile as {@code consumer-db}), masked, dates as dates; a batch
 * written again replaces its rows; a table that cannot take the records sets the file aside; a target whose table
 * cannot work is refused when it is defined.
 */
@HubTest
class JdbcTargetIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ExchangeProperties properties;

	@Autowired
	private CamelContext camel;

	@Autowired
	private DepartmentDatabases databases;

	@Autowired
	private JdbcTemplate hubDatabase;

	private HubClient api;

	private JdbcTemplate consumer;

	private String code;

	private String table;

	@BeforeEach
	void publishTheResourceAndCreateTheTable(TestInfo test) {
		this.api = new HubClient(this.http);
		this.code = ExchangeFixtures.publishFor(this.api, test, "J");
		this.table = "gxpt_gtgsh_" + ExchangeFixtures.suffix(test);
		this.consumer = new JdbcTemplate(this.databases.target("consumer-db").orElseThrow());
		this.consumer.execute("drop table if exists " + this.table);
	}

	@Test
	void droppedRecordsAreWrittenIntoTheConsumersTableMasked() throws Exception {
		this.consumer.execute("create table " + this.table + " (tyshxydm varchar(18) primary key, ztmc varchar(200), "
				+ "jyzxm varchar(50), clrq date, djzt varchar(20), bz varchar(200))");
		addTarget(Map.of("datasource", "consumer-db", "table", this.table));

		Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-交换库.csv", this.code);

		assertThat(ExchangeFixtures.done(dropped)).isTrue();
		assertThat(rows()).isEqualTo(18);
		Map<String, Object> row = this.consumer.queryForMap("select * from " + this.table + " where tyshxydm = ?",
				"92371525MA7P97J1M9");
		assertThat(row.get("ZTMC")).isEqualTo("冠县清泉便民超市");
		assertThat(row.get("JYZXM")).as("the operator's name is masked").isEqualTo("张**");
		assertThat(((java.sql.Date) row.get("CLRQ")).toLocalDate()).isEqualTo(LocalDate.of(2015, 1, 1));
		assertThat(row.get("BZ")).as("a column the records do not have is left alone").isNull();
	}

	@Test
	void aBatchWrittenAgainReplacesItsRows() throws Exception {
		this.consumer.execute("create table " + this.table + " (tyshxydm varchar(18), ztmc varchar(200), jyzxm varchar(50))");
		addTarget(Map.of("datasource", "consumer-db", "table", this.table, "keyColumns", List.of("tyshxydm")));
		ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-第一次.csv", this.code);
		forgetDeliveries();
		Path again = ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-第二次.csv", this.code);

		assertThat(ExchangeFixtures.done(again)).isTrue();
		assertThat(rows()).as("each record once, though the hub delivered the file twice").isEqualTo(18);
	}

	@Test
	void aTableThatCannotTakeTheRecordsSetsTheFileAside() throws Exception {
		this.consumer.execute("create table " + this.table + " (tyshxydm varchar(18), ztmc varchar(200), "
				+ "shr varchar(50) not null)");
		addTarget(Map.of("datasource", "consumer-db", "table", this.table));

		Path dropped = ExchangeFixtures.drop(this.camel, this.properties.inbox(), "个体工商户-缺审核人.csv", this.code);

		assertThat(dropped.resolveSibling("failed").resolve(dropped.getFileName())).exists();
		assertThat(rows()).isZero();
		JsonNode failed = this.api.get("/api/exchange/runs", "resourceCode", this.code, "status", "FAILED").path("items");
		assertThat(failed.findValuesAsText("error")).anySatisfy(e -> assertThat(e).contains(target()).contains("refused"));
	}

	@Test
	void aTargetWhoseTableCannotWorkIsRefusedWhenDefined() {
		this.consumer.execute("create table " + this.table + " (ztmc varchar(200))");

		assertRefused(Map.of("datasource", "population-db", "table", this.table), "jdbc.datasource");
		assertRefused(Map.of("datasource", "consumer-db", "table", "gxpt_gtgsh; drop table x"), "jdbc.table");
		assertRefused(Map.of("datasource", "consumer-db", "table", "gxpt_no_such_table"), "jdbc.table");
		assertRefused(Map.of("datasource", "consumer-db", "table", this.table, "keyColumns", List.of("tyshxydm")),
				"jdbc.keyColumns");
	}

	private void assertRefused(Map<String, Object> jdbc, String field) {
		ResponseEntity<JsonNode> answer = this.http.postForEntity("/api/exchange/targets", target(jdbc), JsonNode.class);
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(answer.getBody().path("errors").findValuesAsText("field")).contains(field);
	}

	private void addTarget(Map<String, Object> jdbc) {
		ResponseEntity<JsonNode> created = this.http.postForEntity("/api/exchange/targets", target(jdbc), JsonNode.class);
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
	}

	private Map<String, Object> target(Map<String, Object> jdbc) {
		return Map.of("name", target(), "nameZh", "冠县人社局业务库", "kind", "JDBC", "jdbc", jdbc, "resources", List.of(this.code));
	}

	private String target() {
		return "db-" + this.table.replace('_', '-');
	}

	private long rows() {
		return this.consumer.queryForObject("select count(*) from " + this.table, Long.class);
	}

	/** As if the hub had died after the table committed and before it recorded the deliveries. */
	private void forgetDeliveries() {
		this.hubDatabase.update("delete from exchange_confirmation where target = ? and batch_id in "
				+ "(select id from exchange_batch where resource_code = ?)", target(), this.code);
	}

}
