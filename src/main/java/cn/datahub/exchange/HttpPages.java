package cn.datahub.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A department API read page by page as the pipeline consumes it: only one page is held at a time. Each request
 * carries the page number and size (when the API pages) and the watermark (when the API is incremental). The last
 * page is the first shorter than the page size. An answer other than 2xx, no answer within the timeout, or a body
 * that is not the expected JSON or CSV fails the read.
 */
final class HttpPages extends PulledRecords {

	private final HttpClient client;

	private final AttachmentForm.Http source;

	private final String since;

	private final Duration timeout;

	private int page;

	private boolean last;

	private long line;

	private Iterator<SourceRecord> current = List.<SourceRecord>of().iterator();

	HttpPages(HttpClient client, AttachmentForm.Http source, String since, Duration timeout) {
		super(since);
		this.client = client;
		this.source = source;
		this.since = since;
		this.timeout = timeout;
		this.page = source.firstPage();
	}

	@Override
	public boolean hasNext() {
		while (!this.current.hasNext() && !this.last) {
			List<SourceRecord> records = fetch(this.page++);
			this.last = this.source.pageParameter() == null || records.size() < this.source.pageSize();
			this.current = records.iterator();
		}
		return this.current.hasNext();
	}

	@Override
	public SourceRecord next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		SourceRecord record = this.current.next();
		if (record.values() != null && this.source.watermarkField() != null) {
			saw(record.values().get(this.source.watermarkField()));
		}
		return record;
	}

	private List<SourceRecord> fetch(int number) {
		URI uri = uri(number);
		try {
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri).timeout(this.timeout)
				.header("Accept", this.source.format().equals("CSV") ? "text/csv" : "application/json").GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() / 100 != 2) {
				throw new IOException("GET " + uri + " answered " + response.statusCode());
			}
			List<SourceRecord> records = read(response.body(), uri);
			this.line += records.size();
			return records;
		}
		catch (IOException ex) {
			boolean ours = ex.getMessage() != null && ex.getMessage().startsWith("GET ");
			throw new UncheckedIOException(ours ? ex.getMessage() : "GET " + uri + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException("GET " + uri + " interrupted"));
		}
	}

	private List<SourceRecord> read(String body, URI uri) throws IOException {
		try {
			return this.source.format().equals("CSV") ? RecordBodies.csv(body, this.line)
					: RecordBodies.json(body, this.source.recordsPath(), this.line);
		}
		catch (IOException ex) {
			throw new IOException("GET " + uri + " answered " + ex.getMessage());
		}
	}

	private URI uri(int number) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (this.source.pageParameter() != null) {
			parameters.put(this.source.pageParameter(), String.valueOf(number));
		}
		if (this.source.sizeParameter() != null) {
			parameters.put(this.source.sizeParameter(), String.valueOf(this.source.pageSize()));
		}
		if (this.source.watermarkParameter() != null && this.since != null) {
			parameters.put(this.source.watermarkParameter(), this.since);
		}
		StringBuilder uri = new StringBuilder(this.source.url());
		parameters.forEach((name, value) -> uri.append(uri.indexOf("?") < 0 ? '?' : '&')
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return URI.create(uri.toString());
	}

}
