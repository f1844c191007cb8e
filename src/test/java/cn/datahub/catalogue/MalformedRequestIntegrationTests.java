package cn.datahub.catalogue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.testing.TestAccounts;
import cn.datahub.testing.CatalogueApi;
import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static cn.datahub.catalogue.CatalogueFixtures.countyDepartment;
import static cn.datahub.catalogue.CatalogueFixtures.itemOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Requests a client got wrong: each answered with a 4xx problem body that says what is wrong, never a 500, and
 * nothing stored.
 */
@HubTest
class MalformedRequestIntegrationTests extends LicenceTests {

	@LocalServerPort
	private int port;

	@Value("${hub.max-json-body-bytes}")
	private int maxJsonBodyBytes;

	@ParameterizedTest
	@ValueSource(strings = { "{\"code\": \"GX-1\",", "not json", "{'code': 'GX-1'}", "{\"code\" \"GX-1\"}", "", "null", "[]",
			"\"企业营业执照信息\"" })
	void answersBadRequestForABodyThatIsNotAResourceObject(String body) {
		postRaw("/api/resources", body.getBytes(StandardCharsets.UTF_8)).isProblem(HttpStatus.BAD_REQUEST);
		postRaw("/api/departments", body.getBytes(StandardCharsets.UTF_8)).isProblem(HttpStatus.BAD_REQUEST);

		assertNothingStored();
	}

	@Test
	void answersBadRequestForBytesThatAreNotUtf8() {
		byte[] json = CatalogueApi.json(this.licences);
		String marked = new String(json, StandardCharsets.UTF_8).replace("企业营业执照信息", "\u0000");
		byte[] broken = marked.getBytes(StandardCharsets.UTF_8);
		// a lead byte of a two-byte sequence followed by the closing quote: not UTF-8
		broken[marked.indexOf('\u0000')] = (byte) 0xC3;

		postRaw("/api/resources", broken).isProblem(HttpStatus.BAD_REQUEST);

		assertNothingStored();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wrongTypes")
	void answersBadRequestNamingAFieldOfTheWrongJsonType(String field, Consumer<Map<String, Object>> breakIt) {
		breakIt.accept(this.licences);

		this.api.post(this.licences, "/api/resources").isProblem(HttpStatus.BAD_REQUEST, field);

		assertNothingStored();
	}

	@SuppressWarnings("unchecked")
	static Stream<Arguments> wrongTypes() {
		return Stream.of(arguments("items", change(r -> r.put("items", "tyshxydm:统一社会信用代码:string"))),
				arguments("items", change(r -> r.put("items", Map.of("name", "tyshxydm")))),
				arguments("items[0].required", change(r -> itemOf(r, 0).put("required", "x"))),
				arguments("items[2].required", change(r -> itemOf(r, 2).put("required", List.of(true)))),
				arguments("items[1]", change(r -> ((List<Object>) r.get("items")).set(1, 42))),
				arguments("name", change(r -> r.put("name", Map.of("zh", "企业营业执照信息")))),
				arguments("code", change(r -> r.put("code", List.of("GX-1", "GX-2")))),
				arguments("colour", change(r -> r.put("colour", "red"))),
				arguments("items[0].length", change(r -> itemOf(r, 0).put("length", 18))));
	}

	@Test
	void answersBadRequestNamingAnUnknownDepartmentProperty() {
		Map<String, Object> department = countyDepartment("冠县卫生健康局");
		department.put("parentCode", "11371500MB28359259");

		this.api.post(department, "/api/departments").isProblem(HttpStatus.BAD_REQUEST, "parentCode");

		this.api.get("/api/departments/{code}", department.get("code")).isProblem(HttpStatus.NOT_FOUND);
	}

	@ParameterizedTest
	@CsvSource({ "status=FOO, status", "status=published&page=0, status", "page=abc, page", "size=ten, size", "page=-1, page",
			"size=0, size", "size=501, size", "size=1000, size", "page=0&size=-5, size", "page=99999999999, page" })
	void answersBadRequestNamingAQueryParameterOutOfRange(String query, String parameter) {
		this.api.get("/api/resources?" + query).isProblem(HttpStatus.BAD_REQUEST, parameter);
	}

	@Test
	void acceptsTheLargestPage() {
		Reply reply = this.api.get("/api/resources?providerCode={p}&page=0&size=500", this.regulator);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("size").asInt()).isEqualTo(500);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json;charset=UTF-8", "APPLICATION/JSON" })
	void refusesJsonBodyOverTheLimitWithPayloadTooLarge(String contentType) {
		this.api.send(HttpMethod.POST, "/api/resources", oversized(), contentType)
			.isProblem(HttpStatus.PAYLOAD_TOO_LARGE);

		assertNothingStored();
	}

	@Test
	void refusesStreamedJsonBodyOverTheLimitWithPayloadTooLarge() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/resources"))
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.header("Authorization", TestAccounts.basic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized())))
			.build();

		HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
			.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		assertThat(new ObjectMapper().readTree(response.body()).path("status").asInt()).isEqualTo(413);
		assertNothingStored();
	}

	@Test
	void acceptsJsonBodyOfExactlyTheLimit() {
		// blanks around a summary are stripped, so the body can reach the limit within the 4000-character rule
		this.licences.put("summary", "");
		int room = this.maxJsonBodyBytes - CatalogueApi.json(this.licences).length;
		this.licences.put("summary", " ".repeat(room - 3) + "摘");

		assertThat(CatalogueApi.json(this.licences)).hasSize(this.maxJsonBodyBytes);
		assertThat(this.api.post(this.licences, "/api/resources").status()).isEqualTo(201);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/resources", "/api/departments" })
	void answersUnsupportedMediaTypeWithAProblemBodyForPlainText(String path) {
		Reply reply = this.api.send(HttpMethod.POST, path, CatalogueApi.json(this.licences), MediaType.TEXT_PLAIN_VALUE);

		reply.isProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(reply.body()).doesNotContainIgnoringCase("<html");
		assertNothingStored();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/resources/{code}", "/api/resources/{code}/history", "/api/resources/{code}/schema",
			"/api/departments/{code}" })
	void answersNotFoundWithAProblemBody(String path) {
		this.api.get(path, "GX-NO-SUCH-RESOURCE").isProblem(HttpStatus.NOT_FOUND);
	}

	@Test
	void answersNotFoundWithAProblemBodyForAnUnknownPath() {
		this.api.get("/api/no-such-collection").isProblem(HttpStatus.NOT_FOUND);
	}

	private byte[] oversized() {
		this.licences.put("summary", "冠".repeat(this.maxJsonBodyBytes / 3 + 1000));
		byte[] body = CatalogueApi.json(this.licences);
		assertThat(body.length).isGreaterThan(this.maxJsonBodyBytes);
		return body;
	}

	private Reply postRaw(String path, byte[] body) {
		return this.api.send(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON_VALUE);
	}

	private static Consumer<Map<String, Object>> change(Consumer<Map<String, Object>> change) {
		return change;
	}

}
