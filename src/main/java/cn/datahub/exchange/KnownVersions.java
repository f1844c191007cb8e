package cn.datahub.exchange;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Which record versions the idempotent repository may hold, in memory: a Bloom filter over each version's resource and
 * fingerprint head. A version it has never been told of is surely not recorded, so {@link Deliveries} does not look it
 * up: a batch of new records, the common case, reads no block of {@link VersionRuns}. A version it knows may be
 * recorded (or may share bits with one that is: about one in fifteen at ten million versions in 8 MB) and is looked up.
 * It is told of every version before the version is written, and reads those already written when the hub starts
 * ({@link VersionRuns#scan}); until then it knows nothing for sure and every version is looked up. It knows only what
 * this hub writes: one hub writes a database's exchange records.
 */
@Component
class KnownVersions {

	private static final Logger log = LoggerFactory.getLogger(KnownVersions.class);

	private final BloomFilter versions;

	private final JdbcTemplate jdbc;

	private final VersionRuns runs;

	private volatile boolean loaded;

	KnownVersions(ExchangeProperties properties, JdbcTemplate jdbc, VersionRuns runs) {
		this.versions = new BloomFilter(Math.max(1, properties.knownVersionsMb()) * 1024 * 1024 / Long.BYTES);
		this.jdbc = jdbc;
		this.runs = runs;
	}

	/** Whether the version may be recorded; false only when it surely is not. */
	boolean mayHold(String resourceCode, long head) {
		if (!this.loaded) {
			return true;
		}
		return this.versions.mayHold(key(resourceCode, head));
	}

	/** Tells of a version about to be recorded. */
	void add(String resourceCode, long head) {
		this.versions.add(key(resourceCode, head));
	}

	/**
	 * Reads the versions recorded before the hub started, on a thread of its own so that the hub serves at once;
	 * versions recorded meanwhile are told of by {@link #add} before they are written, so none is missed.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void loadInBackground() {
		Thread loading = new Thread(this::load, "known-versions");
		loading.setDaemon(true);
		loading.start();
	}

	void load() {
		long started = System.nanoTime();
		long[] count = { 0 };
		try {
			Map<Long, String> resources = new HashMap<>();
			this.jdbc.query("select id, resource_code from exchange_batch",
					(RowCallbackHandler) rs -> resources.put(rs.getLong(1), rs.getString(2).intern()));
			this.runs.scan((batchId, head) -> {
				// A batch newer than the map was told of when its versions were written.
				String resourceCode = resources.get(batchId);
				if (resourceCode != null) {
					add(resourceCode, head);
					count[0]++;
				}
			});
		}
		catch (DataAccessException | IllegalStateException | UncheckedIOException ex) {
			log.warn("Recorded versions could not be read; every version is looked up", ex);
			return;
		}
		this.loaded = true;
		log.info("{} recorded versions known in {} ms", count[0], (System.nanoTime() - started) / 1_000_000);
	}

	private static long key(String resourceCode, long head) {
		return resourceCode.hashCode() * 0x9E3779B97F4A7C15L ^ head;
	}

}
