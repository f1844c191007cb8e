package cn.datahub.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static cn.datahub.testing.Usccs.withCheckCharacter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default exchange end to end: the sample CSV of 个体工商户营业执照登记信息 shipped in
 * {@code catalogue/sample/exchange/} dropped into the resource's inbox comes out as Avro in the file outbox, its two
 * bad rows in the dead-letter store, the run in the log, and the file in {@code done/}.
 */
@HubTest
class FileDropIntegrationTests {

	static final DepartmentForm GX_SCJG = new DepartmentForm(withCheckCharacter("11371525MB2860413"), "冠县市场监督管理局",
			"371525", "COUNTY");

	static final String CODE = "371525-SCJ-0002";

	static final Path SAMPLE = Path.of("catalogue/sample/exchange", CODE + ".csv");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ExchangeProperties properties;

	@Autowired
	private CamelContext camel;

	private HubClient api;

	/** Each test its own resource, so that what one test delivered never counts as a duplicate in another. */
	private String code;

	@BeforeEach
	void publishTheResource(TestInfo test) {
		this.api = new HubClient(this.http);
		if (!this.api.departmentExists(GX_SCJG.code())) {
			this.api.register(GX_SCJG);
		}
		this.code = CODE + "-" + Math.abs(test.getDisplayName().hashCode() % 10000);
		this.api.create(sampleResource(this.code));
	}

	/** 个体工商户营业执照登记信息 of 冠县市场监督管理局, published, under {@code code}. */
	static ResourceForm sampleResource(String code) {
		return new ResourceForm(code, "个体工商户营业执照登记信息", GX_SCJG.code(), "DEPARTMENT", "MARKET_REGULATION",
					"UNCONDITIONAL", null, null, "CONDITIONAL", "DAILY", "数据库表", "全县个体工商户的设立、变更和注销登记",
					List.of(new DataItem("tyshxydm", "统一社会信用代码", "string", true),
							new DataItem("ztmc", "市场主体名称", "string", false), new DataItem("jyzxm", "经营者姓名", "string", false),
							new DataItem("zcxs", "组成形式", "string", false), new DataItem("jycs", "经营场所", "string", false),
							new DataItem("jyfw", "经营范围", "string", false), new DataItem("clrq", "成立日期", "date", false),
							new DataItem("djzt", "登记状态", "string", false), new DataItem("djjg", "登记机关", "string", false)),
					"PUBLISHED");
	}

	@Test
	void droppedSampleComesOutAsAvroWithItsBadRowsDeadLettered() throws Exception {
		Path dropped = drop(SAMPLE, "个体工商户-2026-11.csv");

		assertThat(Files.exists(dropped.resolveSibling("done").resolve(dropped.getFileName()))).isTrue();
		assertThat(Files.exists(dropped)).isFalse();
		List<GenericRecord> records = outboxRecords();
		assertThat(records).hasSize(18);
		GenericRecord first = records.get(0);
		assertThat(first.get("tyshxydm").toString()).isEqualTo("92371525MA7P97J1M9");
		assertThat(first.get("ztmc").toString()).isEqualTo("冠县清泉便民超市");
		assertThat(first.get("jyzxm").toString()).as("the hub's own outbox is not masked").isEqualTo("张建国");
		assertThat(first.get("clrq")).isEqualTo((int) LocalDate.of(2015, 1, 1).toEpochDay());

		JsonNode run = latestRun();
		assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(run.path("target").asText()).isEqualTo("file-outbox");
		assertThat(run.path("recordsIn").asLong()).isEqualTo(20);
		assertThat(run.path("recordsOut").asLong()).isEqualTo(18);
		assertThat(run.path("rejected").asLong()).isEqualTo(2);

		JsonNode letters = this.api.get("/api/exchange/dead-letters", "resourceCode", this.code, "status", "OPEN");
		assertThat(letters.path("items").findValuesAsText("field")).containsExactly("tyshxydm", "clrq");
		assertThat(letters.path("items").findValuesAsText("line")).containsExactly("4", "9");
		assertThat(letters.path("items").get(1).path("reasonZh").asText()).contains("成立日期").contains("2021-02-30");
		assertThat(letters.path("items").get(1).path("raw").asText()).contains("冠县");
	}

	@Test
	void aPublishedResourceHasItsDropFolderWithoutFurtherSetUp() {
		assertThat(this.properties.inbox().resolve(this.code)).isDirectory();
	}

	@Test
	void theSameRecordsDroppedAgainAreNotDeliveredTwice() throws Exception {
		drop(SAMPLE, "个体工商户-first.csv");
		long files = outboxFiles().size();

		drop(SAMPLE, "个体工商户-again.csv");

		assertThat(outboxFiles()).hasSize((int) files);
		JsonNode again = latestRun();
		assertThat(again.path("source").asText()).as("%s", this.api.get("/api/exchange/runs", "resourceCode", this.code))
			.isEqualTo("file:个体工商户-again.csv");
		assertThat(again.path("recordsIn").asLong()).isEqualTo(20);
		assertThat(again.path("recordsOut").asLong()).isZero();
	}

	@Test
	void aDeadLetterFixedAndReplayedIsDeliveredOnce() throws Exception {
		drop(SAMPLE, "个体工商户-replay.csv");
		JsonNode letter = this.api.get("/api/exchange/dead-letters", "resourceCode", this.code, "status", "OPEN")
			.path("items").findParents("field").stream().filter(l -> l.path("field").asText().equals("clrq"))
			.findFirst().orElseThrow();
		long id = letter.path("id").asLong();
		int before = outboxRecords().size();

		Map<String, Object> fixed = storedValues(id);
		fixed.put("成立日期", "2021-02-31");
		ResponseEntity<JsonNode> stillBad = replay(id, fixed);
		assertThat(stillBad.getStatusCode().value()).isEqualTo(422);
		assertThat(stillBad.getBody().path("errors").findValuesAsText("field")).containsExactly("clrq");
		assertThat(this.api.get("/api/exchange/dead-letters/" + id).path("status").asText()).isEqualTo("OPEN");

		fixed.put("成立日期", "2021-02-28");
		ResponseEntity<JsonNode> replayed = replay(id, fixed);
		assertThat(replayed.getStatusCode().value()).as("%s", replayed.getBody()).isEqualTo(200);
		assertThat(replayed.getBody().path("status").asText()).isEqualTo("REPLAYED");
		assertThat(outboxRecords()).hasSize(before + 1);
		assertThat(outboxRecords()).anySatisfy(r -> assertThat(r.get("clrq"))
			.isEqualTo((int) LocalDate.of(2021, 2, 28).toEpochDay()));

		assertThat(replay(id, null).getStatusCode().value()).as("a closed dead letter").isEqualTo(409);
	}

	@Test
	void aFileForNoPublishedResourceMovesToFailedWithTheReason() throws Exception {
		Path dropped = drop(SAMPLE, "无主文件.csv", "371525-XXX-9999");

		assertThat(Files.exists(dropped.resolveSibling("failed").resolve(dropped.getFileName()))).isTrue();
		JsonNode run = this.api.get("/api/exchange/runs", "resourceCode", "371525-XXX-9999").path("items").get(0);
		assertThat(run.path("status").asText()).isEqualTo("FAILED");
		assertThat(run.path("error").asText()).contains("no published resource 371525-XXX-9999");
	}

	@Test
	void aCsvWhoseStructureBreaksMovesToFailedInsteadOfBeingReadAgainAndAgain(@TempDir Path folder) throws Exception {
		Path broken = Files.writeString(folder.resolve("broken.csv"), Files.readString(SAMPLE)
				+ "92371525MA3YXKA6HF,\"冠县北馆手机维修部,赵卫东,个人经营\n", StandardCharsets.UTF_8);

		Path dropped = drop(broken, "个体工商户-引号未闭合.csv");

		assertThat(Files.exists(dropped.resolveSibling("failed").resolve(dropped.getFileName()))).isTrue();
		JsonNode run = latestRun();
		assertThat(run.path("status").asText()).isEqualTo("FAILED");
		assertThat(run.path("error").asText()).contains("the CSV cannot be read after line 21");
	}

	private Path drop(Path sample, String name) throws IOException {
		return drop(sample, name, this.code);
	}

	private Path drop(Path sample, String name, String code) throws IOException {
		return ExchangeFixtures.drop(this.camel, this.properties.inbox(), sample, name, code);
	}

	private JsonNode latestRun() {
		return this.api.get("/api/exchange/runs", "resourceCode", this.code).path("items").get(0);
	}

	/** The values of a dead letter as stored: the CSV row by its column titles. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> storedValues(long id) throws IOException {
		String raw = this.api.get("/api/exchange/dead-letters/" + id).path("raw").asText();
		return new ObjectMapper().readValue(raw, Map.class);
	}

	private ResponseEntity<JsonNode> replay(long id, Map<String, Object> values) {
		return this.http.postForEntity("/api/exchange/dead-letters/{id}/replay", values == null ? null : Map.of("values", values),
				JsonNode.class, id);
	}

	private List<Path> outboxFiles() throws IOException {
		return new Outbox(this.properties).files(this.code);
	}

	private List<GenericRecord> outboxRecords() throws IOException {
		return new Outbox(this.properties).records(this.code);
	}

}
