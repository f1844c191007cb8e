package cn.datahub.exchange.catalogue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A platform's catalogue of one region, a page at a time: {@code GET <url>?regionCode=&page=&size=} (pages count
 * from 0) answers a JSON array of entries; the last page is the first shorter than the size. An answer other than
 * 2xx, none within the platform's timeout, or a body that is not a JSON array fails the harvest; what each element
 * holds is for the caller to check.
 */
final class HarvestPages {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client;

	private final String url;

	private final String regionCode;

	private final int size;

	private final Duration timeout;

	HarvestPages(HttpClient client, String url, String regionCode, int size, Duration timeout) {
		this.client = client;
		this.url = url;
		this.regionCode = regionCode;
		this.size = size;
		this.timeout = timeout;
	}

	int size() {
		return this.size;
	}

	/** The elements of one page, each as the platform sent it. */
	List<JsonNode> page(int number) throws IOException {
		URI uri = uri(number);
		HttpResponse<String> response;
		try {
			response = this.client.send(HttpRequest.newBuilder(uri).timeout(this.timeout).header("Accept", "application/json")
				.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IOException("GET " + uri + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("GET " + uri + " interrupted", ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new IOException("GET " + uri + " answered " + response.statusCode());
		}
		JsonNode page;
		try {
			page = JSON.readTree(response.body());
		}
		catch (JsonProcessingException ex) {
			throw new IOException("GET " + uri + " answered invalid JSON: " + ex.getOriginalMessage());
		}
		if (page == null || !page.isArray()) {
			throw new IOException("GET " + uri + " answered no JSON array of catalogue entries");
		}
		List<JsonNode> elements = new ArrayList<>(page.size());
		page.forEach(elements::add);
		return elements;
	}

	private URI uri(int number) {
		return URI.create(this.url + (this.url.contains("?") ? "&" : "?") + "regionCode="
				+ URLEncoder.encode(this.regionCode, StandardCharsets.UTF_8) + "&page=" + number + "&size=" + this.size);
	}

}
