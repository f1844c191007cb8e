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
import cn.datahub.security.Caller;
import cn.datahub.testing.HubClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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

	private static final Caller CITY_AUDITOR = AuditFixtures.auditor("liuyang", "371500");

	private static final Caller COUNTY_AUDITOR = AuditFixtures.auditor("sunli", "371525");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private HubClient api;

	@Autowired
	private AuditLog log;

	private DepartmentForm police;

	private DepartmentForm health;

	/** 冠县公安局 registered by 张伟, 阳谷县卫生健康局 by 王芳, each with a resource. */
	@BeforeEach
	void registerTwoCountiesDepartments() {
		this.police = AuditFixtures.guanxianPolice();
		this.health = AuditFixtures.yangguHealth();
		registerWithResource(this.police, AuditFixtures.registrar("zhangwei", this.police));
		registerWithResource(this.health, AuditFixtures.registrar("wangfang", this.health));
	}

	@Test
	void anAuditorOfTheCityReadsEveryCountysEntriesFilteredAsAsked() {
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

		JsonNode police = read(CITY_AUDITOR, "department", this.police.code(), "action", "resource.", "from", today);
		JsonNode health = read(CITY_AUDITOR, "subject", "department:" + this.health.code(), "outcome", "DONE");
		JsonNode yesterday = read(CITY_AUDITOR, "department", this.police.code(), "to",
				LocalDate.parse(today).minusDays(1).toString());

		assertThat(police.path("total").asLong()).isEqualTo(1);
		assertThat(police.path("items").get(0).path("action").asText()).isEqualTo("resource.create");
		assertThat(police.path("items").get(0).path("actor").asText()).isEqualTo("zhangwei");
		JsonNode registered = health.path("items").get(0);
		assertThat(registered.path("action").asText()).isEqualTo("department.register");
		assertThat(registered.path("actor").asText()).isEqualTo("wangfang");
		assertThat(registered.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
		assertThat(registered.path("after").asText()).contains("阳谷县卫生健康局");
		assertThat(registered.path("hash").asText()).hasSize(64);
		assertThat(yesterday.path("total").asLong()).isZero();
	}

	@Test
	void anAuditorOfACountyReadsOnlyTheEntriesOfItsCountysDepartments() {
		JsonNode own = read(COUNTY_AUDITOR, "department", this.police.code());
		JsonNode other = read(COUNTY_AUDITOR, "subject", "department:" + this.health.code());
		JsonNode everything = read(COUNTY_AUDITOR, "size", "500");

		assertThat(own.path("total").asLong()).isEqualTo(2);
		assertThat(other.path("total").asLong()).isZero();
		assertThat(everything.path("items")).allSatisfy(entry -> assertThat(entry.path("department").asText())
			.startsWith("11371525"));
		assertThat(get(COUNTY_AUDITOR, "/api/audit/verify").getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void someoneWhoIsNoAuditorIsRefusedAndTheRefusalIsOnTheTrail() {
		Caller zhang = AuditFixtures.registrar("zhangwei", this.police);

		ResponseEntity<JsonNode> refused = get(zhang, "/api/audit", "subject", "department:" + this.health.code());

		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getBody().path("detail").asText()).isEqualTo("zhangwei may not audit region 371500");
		AuditEntry recorded = entriesOf(this.log, "region:371500").stream().filter(e -> e.actor().equals("zhangwei"))
			.reduce((first, second) -> second).orElseThrow();
		assertThat(recorded.action()).isEqualTo("access.refused");
		assertThat(recorded.outcome()).isEqualTo("REFUSED");
		assertThat(recorded.department()).isEqualTo(this.police.code());
		assertThat(recorded.remoteAddress()).isEqualTo("127.0.0.1");
		assertThat(get(null, "/api/audit/verify").getStatusCode().value()).as("a request of no account").isEqualTo(403);
	}

	@Test
	void verifyAnswersIntactWithTheNumberOfEntriesChecked() {
		ResponseEntity<JsonNode> verified = get(CITY_AUDITOR, "/api/audit/verify");

		assertThat(verified.getStatusCode().value()).isEqualTo(200);
		assertThat(verified.getBody().path("intact").asBoolean()).as("%s", verified.getBody()).isTrue();
		assertThat(verified.getBody().path("entries").asLong()).isGreaterThanOrEqualTo(4);
		assertThat(verified.getBody().path("lastHash").asText()).hasSize(64);
	}

	@Test
	void theExportIsUtf8WithABomForExcelFilteredAndEnoughToRecomputeEveryHash() throws Exception {
		ResponseEntity<byte[]> export = this.http.exchange(uri("/api/audit/export", "department", this.police.code()),
				HttpMethod.GET, new HttpEntity<>(CallerHeaders.as(CITY_AUDITOR)), byte[].class);

		assertThat(export.getStatusCode().value()).isEqualTo(200);
		assertThat(export.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
		assertThat(export.getHeaders().getContentDisposition().getFilename()).isEqualTo("审计日志.csv");
		byte[] body = export.getBody();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<String[]> rows = csv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
		assertThat(rows.get(0)).containsExactly(AuditCsv.HEADER);
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1)[5]).isEqualTo("department.register");
		assertThat(rows.get(1)[10]).contains("\"name\":\"冠县公安局\"");
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
			ResponseEntity<JsonNode> answer = get(CITY_AUDITOR, "/api/audit", parameters);
			String parameter = name.equals("to before from") ? "to" : name;
			assertThat(answer.getStatusCode().value()).as(name).isEqualTo(400);
			assertThat(answer.getHeaders().getContentType()).as(name).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.getBody().path("errors").get(0).path("field").asText()).as(name).isEqualTo(parameter);
		});
		assertThat(get(CITY_AUDITOR, "/api/audit/export", "outcome", "MAYBE").getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void filterValuesCarryingSqlAreTakenAsValuesAndFindNothing() {
		long entries = read(CITY_AUDITOR).path("total").asLong();

		JsonNode byActor = read(CITY_AUDITOR, "actor", "' or 1=1 --");
		JsonNode bySubject = read(CITY_AUDITOR, "subject", "x' or '1'='1");
		JsonNode dropped = read(CITY_AUDITOR, "actor", "zhangwei'; delete from audit_entry; --");

		assertThat(byActor.path("total").asLong()).isZero();
		assertThat(bySubject.path("total").asLong()).isZero();
		assertThat(dropped.path("total").asLong()).isZero();
		assertThat(read(CITY_AUDITOR).path("total").asLong()).isGreaterThanOrEqualTo(entries);
		assertThat(get(CITY_AUDITOR, "/api/audit/verify").getBody().path("intact").asBoolean()).isTrue();
	}

	private void registerWithResource(DepartmentForm department, Caller registrar) {
		HttpHeaders headers = CallerHeaders.as(registrar);
		assertThat(this.http.exchange("/api/departments", HttpMethod.POST, new HttpEntity<>(department, headers),
				JsonNode.class).getStatusCode().value()).isEqualTo(201);
		assertThat(this.http.exchange("/api/resources", HttpMethod.POST,
				new HttpEntity<>(AuditFixtures.householdRegister(department), headers), JsonNode.class).getStatusCode()
			.value()).isEqualTo(201);
	}

	/** A read of the trail that must answer 200. */
	private JsonNode read(Caller caller, String... parameters) {
		ResponseEntity<JsonNode> answer = get(caller, "/api/audit", parameters);
		assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
		return answer.getBody();
	}

	private ResponseEntity<JsonNode> get(Caller caller, String path, String... parameters) {
		HttpHeaders headers = caller == null ? new HttpHeaders() : CallerHeaders.as(caller);
		return this.http.exchange(uri(path, parameters), HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
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
