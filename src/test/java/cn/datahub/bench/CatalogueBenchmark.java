package cn.datahub.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import cn.datahub.catalogue.search.CatalogueIndex;
import cn.datahub.catalogue.search.ResourceDocument;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.TestAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalogue throughput on this machine, printed, never asserted on time: import of 100,000 resources end to end
 * (H2 and index), reindex next to a raw _bulk of the same documents into the same node, and concurrent Chinese
 * searches with facets. Run with {@code mvn -B -Pbench verify}.
 */
@Tag("bench")
@HubTest(properties = { "spring.datasource.url=jdbc:h2:file:./target/bench/hub-${random.uuid}", "hub.index-relay.batch-size=5000" })
class CatalogueBenchmark {

	private static final int RESOURCES = Integer.getInteger("bench.resources", 100_000);

	private static final int SEARCHES = Integer.getInteger("bench.searches", 10_000);

	private static final int CLIENTS = 4;

	private static final int BULK_BATCH = 2000;

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	CatalogueIndex index;

	@Test
	void catalogueThroughput() throws Exception {
		GeneratedCatalogue catalogue = new GeneratedCatalogue(new Random(20261123));
		catalogue.departments().forEach(d -> assertThat(this.rest.postForEntity("/api/departments", d, Map.class)
			.getStatusCode().value()).isEqualTo(201));
		byte[] csv = catalogue.resourcesCsv(RESOURCES);

		long start = System.nanoTime();
		ResponseEntity<Map> imported = this.rest.postForEntity("/api/resources/import", multipart(csv), Map.class);
		double importSeconds = seconds(start);
		assertThat(imported.getStatusCode().value()).as("import answered %s", imported.getBody()).isEqualTo(200);
		assertThat(count(this.index.alias())).isEqualTo(RESOURCES);

		start = System.nanoTime();
		CatalogueIndex.Reindexed reindexed = this.index.rebuild();
		double reindexSeconds = seconds(start);

		List<ResourceDocument> documents = allDocuments();
		double rawSeconds = rawBulk(documents);

		List<Long> latencies = searches(catalogue);

		System.out.printf("%n=== Catalogue benchmark: %d resources, %d cores, max heap %d MB ===%n", RESOURCES,
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf("import (CSV upload → H2 → index):  %8.1f s  %9.0f resources/s  (%.1f MB file)%n", importSeconds,
				RESOURCES / importSeconds, csv.length / 1e6);
		System.out.printf("reindex from H2:                   %8.1f s  %9.0f docs/s%n", reindexSeconds, reindexed.documents() / reindexSeconds);
		System.out.printf("raw _bulk of the same documents:   %8.1f s  %9.0f docs/s%n", rawSeconds, documents.size() / rawSeconds);
		System.out.printf("reindex / raw bulk:                %8.2f×%n", rawSeconds / reindexSeconds);
		System.out.printf("%d searches with facets, %d clients: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", SEARCHES,
				CLIENTS, percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), percentile(latencies, 100));
	}

	private List<ResourceDocument> allDocuments() throws IOException {
		List<ResourceDocument> documents = new ArrayList<>(RESOURCES);
		List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
		while (true) {
			List<co.elastic.clients.elasticsearch._types.FieldValue> searchAfter = after;
			var page = this.elasticsearch.search(s -> {
				s.index(this.index.alias()).size(5000).sort(o -> o.field(f -> f.field("code")));
				if (searchAfter != null) {
					s.searchAfter(searchAfter);
				}
				return s;
			}, ResourceDocument.class);
			List<Hit<ResourceDocument>> hits = page.hits().hits();
			if (hits.isEmpty()) {
				return documents;
			}
			hits.forEach(h -> documents.add(h.source()));
			after = hits.get(hits.size() - 1).sort();
		}
	}

	/** The same documents straight into a new index with the same mapping, batches as large as the reindex's. */
	private double rawBulk(List<ResourceDocument> documents) throws IOException {
		String raw = "bench-raw-" + System.nanoTime();
		String mapping = new String(new ClassPathResource("catalogue/index/resources.json").getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
		this.elasticsearch.indices().create(c -> c.index(raw).withJson(new StringReader(mapping)));
		long start = System.nanoTime();
		for (int from = 0; from < documents.size(); from += BULK_BATCH) {
			List<BulkOperation> operations = documents.subList(from, Math.min(documents.size(), from + BULK_BATCH)).stream()
				.map(doc -> BulkOperation.of(op -> op.index(i -> i.id(doc.code()).document(doc)
					.version(doc.externalVersion()).versionType(VersionType.ExternalGte))))
				.toList();
			assertThat(this.elasticsearch.bulk(b -> b.index(raw).operations(operations)).errors()).isFalse();
		}
		this.elasticsearch.indices().refresh(r -> r.index(raw));
		double seconds = seconds(start);
		this.elasticsearch.indices().delete(d -> d.index(raw));
		return seconds;
	}

	private List<Long> searches(GeneratedCatalogue catalogue) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<List<Long>>> futures = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			Random random = new Random(c);
			futures.add(clients.submit(() -> {
				List<Long> mine = new ArrayList<>();
				for (int i = 0; i < SEARCHES / CLIENTS; i++) {
					URI uri = URI.create("http://localhost:" + this.port + "/api/resources/search?" + catalogue.randomQuery(random));
					long start = System.nanoTime();
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
						.header("Authorization", TestAccounts.basic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
					mine.add(System.nanoTime() - start);
					if (response.statusCode() != 200) {
						throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
					}
				}
				return mine;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> f : futures) {
			all.addAll(f.get());
		}
		clients.shutdown();
		Collections.sort(all);
		return all;
	}

	private long count(String index) throws IOException {
		return this.elasticsearch.count(c -> c.index(index)).count();
	}

	private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(byte[] csv) {
		LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(csv) {
			@Override
			public String getFilename() {
				return "信息资源目录.csv";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(body, headers);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static double percentile(List<Long> sorted, int p) {
		int i = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
		return sorted.get(Math.max(0, i)) / 1e6;
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
