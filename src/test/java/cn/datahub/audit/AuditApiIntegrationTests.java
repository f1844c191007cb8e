package cn.datahub.audit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import static cn.datahub.audit.AuditFixtures.entriesOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/audit} as auditors use it: the trail read with filters, within the auditor's region, exported for
 * Excel and verified; anyone else refused, and the refusal itself on the trail; malformed filters answered 400
 * naming the parameter, and filter values carrying SQL taken as values.
 */
@AuditContext
class AuditApiIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private HubClient api;

	@Autowired
	private AuditLog log;

	private DepartmentForm police;

	private DepartmentForm health;

	private String zhang;

	private String cityAuditor;

	private String countyAuditor;

	/**
	 * 冠县公安局 and 阳谷县卫生健康局 registered by the administrator, each with a resource its registrar (张伟, 王芳)
	 * created; auditors of 聊城市 (刘洋) and of 冠县 (孙丽).
	 */
	@BeforeEach
	void registerTwoCountiesDepartments() {
		this.police = AuditFixtures.guanxianPolice();
		this.health = AuditFixtures.yangguHealth();
		this.zhang = registerWithResource(this.police, "zhangwei");
		registerWithResource(this.health, "wangfang");
		this.cityAuditor = AuditFixtures.auditor(this.accounts, "liuyang", "371500");
		this.countyAuditor = AuditFixtures.auditor(this.accounts, "sunli", "371525");
	}

	@Test
	void anAuditorOfTheCityReadsEveryCountysEntriesFilteredAsAsked() {
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

		JsonNode police = read(this.cityAuditor, "department", this.police.code(), "action", "resource.", "from", today);
		JsonNode health = read(this.cityAuditor, "subject", "department:" + this.health.code(), "outcome", "DONE");
		JsonNode yesterday = read(this.cityAuditor, "department", this.police.code(), "to",
				LocalDate.parse(today).minusDays(1).toString());

		assertThat(police.path("total").asLong()).isEqualTo(1);
		assertThat(police.path("items").get(0).path("action").asText()).isEqualTo("resource.create");
		assertThat(police.path("items").get(0).path("actor").asText()).isEqualTo(this.zhang);
		JsonNode registered = health.path("items").get(0);
		assertThat(registered.path("action").asText()).isEqualTo("department.register");
		assertThat(registered.path("actor").asText()).isEqualTo(TestAccounts.ADMIN);
		assertThat(registered.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
		assertThat(registered.path("after").asText()).contains("阳谷县卫生健康局");
		assertThat(registered.path("hash").asText()).hasSize(64);
		assertThat(yesterday.path("total").asLong()).isZero();
	}

	@Test
	void anAuditorOfACountyReadsOnlyTheEntriesOfItsCountysDepartments() {
		JsonNode own = read(this.countyAuditor, "department", this.police.code());
		JsonNode other = read(this.countyAuditor, "subject", "department:" + this.health.code());
		JsonNode everything = read(this.countyAuditor, "size", "500");

		assertThat(own.path("total").asLong()).isEqualTo(1);
		assertThat(own.path("items").get(0).path("actor").asText()).isEqualTo(this.zhang);
		assertThat(other.path("total").asLong()).isZero();
		assertThat(everything.path("items")).allSatisfy(entry -> assertThat(entry.path("department").asText())
			.startsWith("11371525"));
		assertThat(get(this.countyAuditor, "/api/audit/verify").getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void someoneWhoIsNoAuditorIsRefusedAndTheRefusalIsOnTheTrail() {
		ResponseEntity<JsonNode> refused = get(this.zhang, "/api/audit", "subject", "department:" + this.health.code());

		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getBody().path("detail").asText()).isEqualTo(this.zhang + " may not audit region 371500");
		AuditEntry recorded = entriesOf(this.log, "region:371500").stream().filter(e -> e.actor().equals(this.zhang))
			.findFirst().orElseThrow();
		assertThat(recorded.action()).isEqualTo("access.refused");
		assertThat(recorded.outcome()).isEqualTo("REFUSED");
		assertThat(recorded.department()).isEqualTo(this.police.code());
		assertThat(recorded.remoteAddress()).isEqualTo("127.0.0.1");
		assertThat(get(null, "/api/audit/verify").getStatusCode().value()).as("the administrator").isEqualTo(403);
	}

	@Test
	void verifyAnswersIntactWithTheNumberOfEntriesChecked() {
		ResponseEntity<JsonNode> verified = get(this.cityAuditor, "/api/audit/verify");

		assertThat(verified.getStatusCode().value()).isEqualTo(200);
		assertThat(verified.getBody().path("intact").asBoolean()).as("%s", verified.getBody()).isTrue();
		assertThat(verified.getBody().path("entries").asLong()).isGreaterThanOrEqualTo(4);
		assertThat(verified.getBody().path("lastHash").asText()).hasSize(64);
	}

	@Test
	void theExportIsUtf8WithABomForExcelFilteredAndEnoughToRecomputeEveryHash() throws Exception {
		ResponseEntity<byte[]> export = this.accounts.as(this.cityAuditor)
			.getForEntity(uri("/api/audit/export", "department", this.police.code()), byte[].class);

		assertThat(export.getStatusCode().value()).isEqualTo(200);
		assertThat(export.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
		assertThat(export.getHeaders().getContentDisposition().getFilename()).isEqualTo("审计日志.csv");
		byte[] body = export.getBody();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<String[]> rows = csv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
		assertThat(rows.get(0)).containsExactly(AuditCsv.HEADER);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)[2]).isEqualTo(this.zhang);
		assertThat(rows.get(1)[5]).isEqualTo("resource.create");
		assertThat(rows.get(1)[10]).contains("\"name\":\"居民户籍登记信息\"", "\"title\":\"公民身份号码\"");
		for (String[] row : rows.subList(1, rows.size())) {
			assertThat(row[3]).isEqualTo(this.police.code());
			assertThat(row[12]).as("the hash recomputed from the file alone").isEqualTo(EntryHash.of(entry(row)));
		}
	}

	@Test
	void malformedFiltersAreAnsweredWithAProblemNamingTheParameter() {
		Map<String, String[]> cases = Map.of("outcome", new String[] { "outcome", "MAYBE" }, "from",
				new String[] { "from", "昨天" }, "to", new String[] { "to", "2024-13-45" }, "to before from",
				new String[] { "from", "2024-06-01", "to", "2024-05-01" }, "department",
				new String[] { "department", "91371525MA3C000000" }, "action", new String[] { "action", "DROP TABLE" },
				"size", new String[] { "size", "0" }, "page", new String[] { "page", "-1" });
		cases.forEach((name, parameters) -> {
			ResponseEntity<JsonNode> answer = get(this.cityAuditor, "/api/audit", parameters);
			String parameter = name.equals("to before from") ? "to" : name;
			assertThat(answer.getStatusCode().value()).as(name).isEqualTo(400);
			assertThat(answer.getHeaders().getContentType()).as(name).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.getBody().path("errors").get(0).path("field").asText()).as(name).isEqualTo(parameter);
		});
		assertThat(get(this.cityAuditor, "/api/audit/export", "outcome", "MAYBE").getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void filterValuesCarryingSqlAreTakenAsValuesAndFindNothing() {
		long entries = read(this.cityAuditor).path("total").asLong();

		JsonNode byActor = read(this.cityAuditor, "actor", "' or 1=1 --");
		JsonNode bySubject = read(this.cityAuditor, "subject", "x' or '1'='1");
		JsonNode dropped = read(this.cityAuditor, "actor", "zhangwei'; delete from audit_entry; --");

		assertThat(byActor.path("total").asLong()).isZero();
		assertThat(bySubject.path("total").asLong()).isZero();
		assertThat(dropped.path("total").asLong()).isZero();
		assertThat(read(this.cityAuditor).path("total").asLong()).isGreaterThanOrEqualTo(entries);
		assertThat(get(this.cityAuditor, "/api/audit/verify").getBody().path("intact").asBoolean()).isTrue();
	}

	/** Registers the department, gives it a registrar and lets the registrar create a resource; answers the username. */
	private String registerWithResource(DepartmentForm department, String registrarName) {
		this.api.register(department);
		String registrar = AuditFixtures.registrar(this.accounts, registrarName, department);
		assertThat(this.accounts.as(registrar).postForEntity("/api/resources", AuditFixtures.householdRegister(department),
				JsonNode.class).getStatusCode().value()).isEqualTo(201);
		return registrar;
	}

	/** A read of the trail that must answer 200. */
	private JsonNode read(String username, String... parameters) {
		ResponseEntity<JsonNode> answer = get(username, "/api/audit", parameters);
		assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
		return answer.getBody();
	}

	/** A GET as the account, or as the administrator when none is named. */
	private ResponseEntity<JsonNode> get(String username, String path, String... parameters) {
		return (username == null ? this.http : this.accounts.as(username)).getForEntity(uri(path, parameters),
				JsonNode.class);
	}

	/** Parameters as name, value pairs, percent-encoded as UTF-8. */
	private static URI uri(String path, String... parameters) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		for (int i = 0; i < parameters.length; i += 2) {
			uri.queryParam(parameters[i], parameters[i + 1]);
		}
		return uri.encode().build().toUri();
	}

	private static List<String[]> csv(String text) throws Exception {
		CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
		try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(text)) {
			return rows.readAll();
		}
	}

	/** An exported line read back as the entry it shows; empty cells are the empty fields. */
	private static AuditEntry entry(String[] row) {
		return new AuditEntry(Long.parseLong(row[0]), Instant.parse(row[1]), row[2], blank(row[3]),
				blank(row[4]), row[5], row[6], row[7], blank(row[8]), blank(row[9]), blank(row[10]), row[11], row[12]);
	}

	private static String blank(String cell) {
		return cell.isEmpty() ? null : cell;
	}

}
