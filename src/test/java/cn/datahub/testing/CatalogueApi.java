package cn.datahub.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's HTTP API as a client sees it: raw bytes on the wire, JSON read back as a tree, so that tests check
 * exactly what is sent and answered. Bodies are mutable maps, so that a test breaks exactly the rule it is about,
 * down to a field of the wrong JSON type.
 */
public final class CatalogueApi {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final ObjectMapper BODIES = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL)
		.build();

	private final TestRestTemplate rest;

	public CatalogueApi(TestRestTemplate rest) {
		this.rest = rest;
	}

	public Reply get(String path, Object... variables) {
		return send(HttpMethod.GET, path, null, null, variables);
	}

	public Reply post(Object body, String path, Object... variables) {
		return send(HttpMethod.POST, path, json(body), MediaType.APPLICATION_JSON_VALUE, variables);
	}

	public Reply put(Object body, String path, Object... variables) {
		return send(HttpMethod.PUT, path, json(body), MediaType.APPLICATION_JSON_VALUE, variables);
	}

	public Reply delete(String path, Object... variables) {
		return send(HttpMethod.DELETE, path, null, null, variables);
	}

	/** Sends a body as it is, with the Content-Type header exactly as given (none if null). */
	public Reply send(HttpMethod method, String path, byte[] body, String contentType, Object... variables) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		if (contentType != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		}
		ResponseEntity<byte[]> response = this.rest.exchange(path, method, new HttpEntity<>(body, headers), byte[].class,
				variables);
		byte[] bytes = response.getBody() == null ? new byte[0] : response.getBody();
		return new Reply(response.getStatusCode().value(), response.getHeaders(), new String(bytes, StandardCharsets.UTF_8),
				tree(bytes));
	}

	/** Registers a department and returns its code, failing the test if the hub refuses it. */
	public String register(Map<String, Object> department) {
		Reply reply = post(department, "/api/departments");
		assertThat(reply.status()).as("registering %s: %s", department, reply.json()).isEqualTo(201);
		return (String) department.get("code");
	}

	/** Creates a resource and returns its code, failing the test if the hub refuses it. */
	public String create(Map<String, Object> resource) {
		Reply reply = post(resource, "/api/resources");
		assertThat(reply.status()).as("creating %s: %s", resource.get("code"), reply.json()).isEqualTo(201);
		return (String) resource.get("code");
	}

	/** The history entries of a resource, oldest first. */
	public List<JsonNode> history(String code) {
		Reply reply = get("/api/resources/{code}/history", code);
		assertThat(reply.status()).as("history of %s: %s", code, reply.json()).isEqualTo(200);
		assertThat(reply.json().isArray()).isTrue();
		List<JsonNode> entries = new ArrayList<>();
		reply.json().forEach(entries::add);
		return entries;
	}

	/** The kind of each change in a resource's history, oldest first: CREATED, UPDATED ... */
	public List<String> changes(String code) {
		return history(code).stream().map(entry -> entry.path("change").asText()).toList();
	}

	/** After a refusal: no resource, no history, and nothing in the provider's listing. */
	public void assertNothingStored(String code, String providerCode) {
		get("/api/resources/{code}", code).isProblem(HttpStatus.NOT_FOUND);
		get("/api/resources/{code}/history", code).isProblem(HttpStatus.NOT_FOUND);
		Reply listing = get("/api/resources?providerCode={provider}", providerCode);
		assertThat(listing.json().path("total").asLong()).as("resources of %s", providerCode).isZero();
		assertThat(listing.json().path("items")).isEmpty();
	}

	/** A form as the JSON object it is sent as, fields left null omitted, in maps and lists a test may change. */
	public static Map<String, Object> body(Object form) {
		return BODIES.convertValue(form, new TypeReference<>() {
		});
	}

	public static byte[] json(Object body) {
		try {
			return JSON.writeValueAsBytes(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static JsonNode tree(byte[] body) {
		if (body.length == 0) {
			return MissingNode.getInstance();
		}
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			throw new AssertionError("Not a JSON body: " + new String(body, StandardCharsets.UTF_8), ex);
		}
	}

	/** One answer of the hub: status, headers, the body as sent and as JSON ({@code MissingNode} when empty). */
	public record Reply(int status, HttpHeaders headers, String body, JsonNode json) {

		public String text(String field) {
			return this.json.path(field).asText(null);
		}

		public List<String> errorFields() {
			List<String> fields = new ArrayList<>();
			this.json.path("errors").forEach(error -> fields.add(error.path("field").asText(null)));
			return fields;
		}

		/**
		 * Asserts an RFC 9457 problem body with this status whose errors name exactly these fields; rule
		 * violations (422) and conflicts (409) also explain each in Chinese.
		 */
		public Reply isProblem(HttpStatus expected, String... fields) {
			assertThat(this.status).as("status of %s", this.json).isEqualTo(expected.value());
			assertThat(this.headers.getContentType()).as("content type")
				.satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
			assertThat(this.json.path("status").asInt()).isEqualTo(expected.value());
			assertThat(this.json.path("title").asText()).isNotBlank();
			if (fields.length > 0) {
				assertThat(errorFields()).as("fields named in %s", this.json).containsExactlyInAnyOrder(fields);
			}
			if (expected == HttpStatus.UNPROCESSABLE_ENTITY || expected == HttpStatus.CONFLICT) {
				assertThat(this.json.path("errors")).as("errors of %s", this.json).isNotEmpty()
					.allSatisfy(error -> assertThat(error.path("messageZh").asText()).isNotBlank());
			}
			return this;
		}

	}

}
