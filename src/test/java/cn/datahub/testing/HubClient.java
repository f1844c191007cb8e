package cn.datahub.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.ResourceForm;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's HTTP API as integration tests drive it. Search parameters are percent-encoded as UTF-8, so 营业执照 and
 * 有条件共享 reach the server as a browser would send them. Catalogue writes assert the status the contract
 * promises; uploads and exports answer as they come, for the test to check.
 */
public record HubClient(TestRestTemplate http) {

	public boolean departmentExists(String code) {
		return this.http.getForEntity("/api/departments/{code}", JsonNode.class, code).getStatusCode().is2xxSuccessful();
	}

	public void register(DepartmentForm department) {
		assertStatus(this.http.postForEntity("/api/departments", department, JsonNode.class), HttpStatus.CREATED);
	}

	public void updateDepartment(DepartmentForm department) {
		assertStatus(this.http.exchange("/api/departments/{code}", HttpMethod.PUT, new HttpEntity<>(department),
				JsonNode.class, department.code()), HttpStatus.OK);
	}

	public JsonNode create(ResourceForm resource) {
		return assertStatus(this.http.postForEntity("/api/resources", resource, JsonNode.class), HttpStatus.CREATED);
	}

	public JsonNode update(ResourceForm resource) {
		return assertStatus(this.http.exchange("/api/resources/{code}", HttpMethod.PUT, new HttpEntity<>(resource),
				JsonNode.class, resource.code()), HttpStatus.OK);
	}

	/**
	 * Creates a resource in the status it states; a retired one is created published and then retired, the only way
	 * the API allows.
	 */
	public void store(ResourceForm resource) {
		if ("RETIRED".equals(resource.status())) {
			create(ResourceForms.withStatus(resource, "PUBLISHED"));
			retire(resource.code());
		}
		else {
			create(resource);
		}
	}

	public JsonNode publish(String code) {
		return assertStatus(this.http.postForEntity("/api/resources/{code}/publish", null, JsonNode.class, code), HttpStatus.OK);
	}

	public JsonNode retire(String code) {
		return assertStatus(this.http.postForEntity("/api/resources/{code}/retire", null, JsonNode.class, code), HttpStatus.OK);
	}

	public void delete(String code) {
		assertStatus(this.http.exchange("/api/resources/{code}", HttpMethod.DELETE, null, JsonNode.class, code),
				HttpStatus.NO_CONTENT);
	}

	/** A search that must succeed; parameters as name, value pairs, a name may repeat. */
	public JsonNode search(String... parameters) {
		return assertStatus(searchResponse(parameters), HttpStatus.OK);
	}

	/** A search that must succeed, written as a readable query string: {@code shareType=有条件共享&size=100}. */
	public JsonNode searchFor(String query) {
		List<String> pairs = new ArrayList<>();
		for (String pair : query.split("&")) {
			if (!pair.isEmpty()) {
				String[] nameValue = pair.split("=", 2);
				pairs.add(nameValue[0]);
				pairs.add(nameValue[1]);
			}
		}
		return search(pairs.toArray(String[]::new));
	}

	public ResponseEntity<JsonNode> searchResponse(String... parameters) {
		return getResponse("/api/resources/search", parameters);
	}

	/** A GET that must answer 200; parameters as name, value pairs, percent-encoded as UTF-8. */
	public JsonNode get(String path, String... parameters) {
		return assertStatus(getResponse(path, parameters), HttpStatus.OK);
	}

	public ResponseEntity<JsonNode> getResponse(String path, String... parameters) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		for (int i = 0; i < parameters.length; i += 2) {
			uri.queryParam(parameters[i], parameters[i + 1]);
		}
		URI encoded = uri.encode().build().toUri();
		return this.http.getForEntity(encoded, JsonNode.class);
	}

	/** Uploads a catalogue file as a browser or a department's script does. */
	public ResponseEntity<JsonNode> upload(String fileName, byte[] content) {
		return postFile("/api/resources/import", fileName, content);
	}

	/** Uploads a department's own catalogue, whose rows must all be that department's. */
	public ResponseEntity<JsonNode> uploadFor(String providerCode, String fileName, byte[] content) {
		return postFile("/api/resources/import?providerCode=" + providerCode, fileName, content);
	}

	/** Exports the catalogue; the query as written, {@code format=xlsx&providerCode=…}. */
	public ResponseEntity<byte[]> export(String query) {
		return this.http.getForEntity("/api/resources/export?" + query, byte[].class);
	}

	/** The codes of a search answer's hits, in the order given. */
	public static List<String> codes(JsonNode result) {
		return hits(result).stream().map(hit -> hit.path("code").asText()).toList();
	}

	public static List<JsonNode> hits(JsonNode result) {
		return StreamSupport.stream(result.path("items").spliterator(), false).toList();
	}

	private ResponseEntity<JsonNode> postFile(String url, String fileName, byte[] content) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return fileName;
			}

		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.http.postForEntity(url, new HttpEntity<>(body, headers), JsonNode.class);
	}

	private static JsonNode assertStatus(ResponseEntity<JsonNode> response, HttpStatus expected) {
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(expected);
		return response.getBody();
	}

}
