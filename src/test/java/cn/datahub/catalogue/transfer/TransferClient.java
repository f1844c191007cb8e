package cn.datahub.catalogue.transfer;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The import and export endpoints over real HTTP, as a browser or a department's script calls them.
 */
final class TransferClient {

	private final TestRestTemplate rest;

	TransferClient(TestRestTemplate rest) {
		this.rest = rest;
	}

	ResponseEntity<JsonNode> upload(String fileName, byte[] content) {
		return upload("/api/resources/import", fileName, content);
	}

	ResponseEntity<JsonNode> uploadFor(String providerCode, String fileName, byte[] content) {
		return upload("/api/resources/import?providerCode=" + providerCode, fileName, content);
	}

	ResponseEntity<byte[]> export(String query) {
		return this.rest.getForEntity("/api/resources/export?" + query, byte[].class);
	}

	private ResponseEntity<JsonNode> upload(String url, String fileName, byte[] content) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return fileName;
			}

		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.rest.postForEntity(url, new HttpEntity<>(body, headers), JsonNode.class);
	}

}
