package cn.datahub.catalogue.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.Resources;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.system.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The catalogue's search index. Everything writes and searches through an alias; behind it is a versioned index
 * whose name carries a hash of the mapping file, so a changed mapping, or an explicit reindex, builds a new index
 * from the database and swaps the alias in one step while searches go on against the old one.
 */
@Component
public class CatalogueIndex {

	private static final Logger log = LoggerFactory.getLogger(CatalogueIndex.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

	private static final int REINDEX_BATCH = 2000;

	private final ElasticsearchClient client;

	private final Resources resources;

	private final Departments departments;

	private final ReferenceData reference;

	private final Clock clock;

	private final String alias;

	private final String mapping;

	private final String mappingHash;

	/** Held while the outbox is drained or the index rebuilt: a rebuild sees no write land in the old index. */
	private final ReentrantLock writeLock = new ReentrantLock();

	private volatile boolean ready;

	CatalogueIndex(ElasticsearchClient client, Resources resources, Departments departments, ReferenceData reference,
			Clock clock, HubProperties properties, ResourceLoader loader) {
		this.client = client;
		this.resources = resources;
		this.departments = departments;
		this.reference = reference;
		this.clock = clock;
		this.alias = properties.elasticsearch().index();
		this.mapping = read(loader, properties.catalogueLocation() + "index/resources.json");
		this.mappingHash = sha256(this.mapping).substring(0, 12);
	}

	public String alias() {
		return this.alias;
	}

	public boolean isReady() {
		return this.ready;
	}

	/**
	 * Makes sure the alias points at an index built with the current mapping, building one from the database if
	 * not. Called at start and, while Elasticsearch is unreachable, again by the relay until it succeeds.
	 */
	public void ensureReady() throws IOException {
		if (this.ready) {
			return;
		}
		this.writeLock.lock();
		try {
			Set<String> current = aliasedIndices();
			if (current.size() == 1 && current.iterator().next().startsWith(indexPrefix())) {
				log.info("Search index {} is up to date ({})", this.alias, current.iterator().next());
			}
			else {
				log.info("Search index {} {}; building it from the database", this.alias,
						current.isEmpty() ? "does not exist" : "has an older mapping (" + current + ")");
				rebuildLocked();
			}
			this.ready = true;
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/** Builds a new index from the database and swaps the alias to it; the old index serves searches meanwhile. */
	public Reindexed rebuild() throws IOException {
		this.writeLock.lock();
		try {
			Reindexed result = rebuildLocked();
			this.ready = true;
			return result;
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Runs {@code work} while no rebuild can swap the index underneath it.
	 */
	<T> T whileWriting(IoSupplier<T> work) throws IOException {
		this.writeLock.lock();
		try {
			return work.get();
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Indexes the given resources as they are now in the database and removes the documents of codes no longer
	 * there. Versions are external: an older version never overwrites a newer one.
	 * @return how many documents were written or removed
	 */
	int synchronise(Collection<String> codes, Refresh refresh) throws IOException {
		List<Resource> found = this.resources.findAll(codes);
		Set<String> present = found.stream().map(Resource::code).collect(Collectors.toSet());
		List<BulkOperation> operations = new ArrayList<>(documentOperations(found));
		codes.stream().distinct().filter(code -> !present.contains(code))
			.forEach(code -> operations.add(BulkOperation.of(op -> op.delete(d -> d.id(code)))));
		try {
			bulk(this.alias, operations, refresh);
		}
		catch (IOException | RuntimeException ex) {
			// The index may be gone (deleted by hand, a cluster restored empty): check it again before the retry.
			this.ready = false;
			throw ex;
		}
		return operations.size();
	}

	private Reindexed rebuildLocked() throws IOException {
		long started = System.nanoTime();
		String index = indexPrefix() + STAMP.format(this.clock.instant());
		this.client.indices().create(c -> c.index(index).withJson(new StringReader(this.mapping)));
		int count;
		try {
			count = loadAll(index);
		}
		catch (IOException | RuntimeException ex) {
			this.client.indices().delete(d -> d.index(index));
			throw ex;
		}
		this.client.indices().refresh(r -> r.index(index));
		Set<String> old = aliasedIndices();
		this.client.indices().updateAliases(u -> {
			u.actions(a -> a.add(add -> add.index(index).alias(this.alias).isWriteIndex(true)));
			old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(this.alias))));
			return u;
		});
		for (String o : old) {
			this.client.indices().delete(d -> d.index(o));
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Rebuilt search index {} as {}: {} documents in {} ms", this.alias, index, count, millis);
		return new Reindexed(index, count, millis);
	}

	/**
	 * Bulk-loads every resource into {@code index}. The next batch is read from the database while the previous one
	 * is in flight, one bulk request at a time, so the database read hides behind Elasticsearch's work.
	 */
	private int loadAll(String index) throws IOException {
		ExecutorService sender = Executors.newSingleThreadExecutor();
		try {
			int[] count = { 0 };
			AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>(CompletableFuture.completedFuture(null));
			this.resources.forEachBatch(REINDEX_BATCH, batch -> {
				List<BulkOperation> operations = documentOperations(batch);
				inFlight.get().join();
				inFlight.set(CompletableFuture.runAsync(() -> {
					try {
						bulk(index, operations, Refresh.False);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}, sender));
				count[0] += batch.size();
			});
			inFlight.get().join();
			return count[0];
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(ex.getCause());
		}
		finally {
			sender.shutdownNow();
		}
	}

	private List<BulkOperation> documentOperations(List<Resource> batch) {
		Map<String, Department> providers = this.departments.findAll().stream()
			.collect(Collectors.toMap(Department::code, Function.identity()));
		return batch.stream()
			.map(r -> ResourceDocument.of(r, providers.get(r.providerCode()), this.reference))
			.map(doc -> BulkOperation.of(op -> op.index(i -> i.id(doc.code()).document(doc)
				.version(doc.externalVersion()).versionType(VersionType.ExternalGte))))
			.toList();
	}


	private void bulk(String index, List<BulkOperation> operations, Refresh refresh) throws IOException {
		if (operations.isEmpty()) {
			return;
		}
		BulkResponse response = this.client.bulk(b -> b.index(index).operations(operations).refresh(refresh));
		if (!response.errors()) {
			return;
		}
		// 409: the index already holds a newer version. (Removing a document that was never indexed is no error.)
		List<String> failures = response.items().stream()
			.filter(item -> item.error() != null && item.status() != 409)
			.map(CatalogueIndex::describe)
			.toList();
		if (!failures.isEmpty()) {
			throw new IOException("Elasticsearch refused " + failures.size() + " document(s): " + failures.get(0));
		}
	}

	private Set<String> aliasedIndices() throws IOException {
		if (!this.client.indices().existsAlias(e -> e.name(this.alias)).value()) {
			return Set.of();
		}
		return this.client.indices().getAlias(g -> g.name(this.alias)).result().keySet();
	}

	private String indexPrefix() {
		return this.alias + "-" + this.mappingHash + "-";
	}

	private static String describe(BulkResponseItem item) {
		return item.id() + " (" + item.status() + " " + item.error().type() + ": " + item.error().reason() + ")";
	}

	private static String read(ResourceLoader loader, String location) {
		try (InputStream in = loader.getResource(location).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the index mapping " + location, ex);
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a rebuild produced. */
	public record Reindexed(String index, int documents, long millis) {
	}

	@FunctionalInterface
	interface IoSupplier<T> {

		T get() throws IOException;

	}

}
