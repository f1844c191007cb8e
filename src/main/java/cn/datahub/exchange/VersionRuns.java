package cn.datahub.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The record versions of the idempotent repository, kept as a log-structured merge tree on top of the database
 * ({@code V15__exchange_version_runs.sql}): each confirmed batch writes its versions as one sorted run, a few rows,
 * and a background merge folds runs of about one size into one run of the next tier, and, past the tiers, each level
 * grown past its capacity into the next ({@link Shape}), so that a version is written a few times in all, whole
 * blocks at a time, instead of costing an index insert that rewrites index pages all over the file. A run's level is
 * its tier, or its level past the tiers. A lookup reads, from each live run whose filter does not rule the
 * fingerprint out, the one block that may hold it. A batch's run is written in the batch's transaction, as rows; a
 * merged run, read by most lookups once the repository is large, is a file of its own ({@link RunFile}) in the
 * versions folder, which belongs with the database. One hub writes a database's record versions.
 */
@Component
class VersionRuns {

	private static final Logger log = LoggerFactory.getLogger(VersionRuns.class);

	/** Blocks a merge reads from each of its inputs at a time, and removes from a run a statement. */
	private static final int BLOCKS_A_READ = 64;

	private final JdbcTemplate jdbc;

	/** Where merged runs are kept, a file each. */
	private final Path folder;

	private final Shape shape;

	/** Held by a merge and by a scan of every version, which must see each run whole. */
	private final ReentrantLock merging = new ReentrantLock();

	private final ExecutorService merger = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "version-merge");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean mergeQueued = new AtomicBoolean();

	private volatile boolean mergingInBackground;

	private volatile boolean stopping;

	/** The live runs; replaced, never changed, so a lookup works on the list it took. Null until read. */
	private List<VersionRun> runs;

	@Autowired
	VersionRuns(JdbcTemplate jdbc, ExchangeProperties properties) {
		this(jdbc, properties.versions(), Shape.DEFAULT);
	}

	VersionRuns(JdbcTemplate jdbc, Path folder, Shape shape) {
		this.jdbc = jdbc;
		this.folder = folder;
		this.shape = shape;
	}

	/**
	 * Writes a batch's versions as a run of their tier in the caller's transaction; lookups see it once that commits.
	 * The live runs are read first, so that the first reading (which removes runs that are not live, and reads the
	 * live ones) never meets this one half-written.
	 */
	void write(long batchId, List<Fingerprint> fingerprints) {
		live();
		List<byte[]> entries = new ArrayList<>(fingerprints.size());
		fingerprints.forEach(fingerprint -> entries.add(VersionRunWriter.entry(fingerprint.bytes(), batchId)));
		entries.sort((a, b) -> VersionRunWriter.compare(a, 0, b, 0));
		BloomFilter heads = VersionRun.filterFor(entries.size());
		VersionRun run = this.jdbc.execute((ConnectionCallback<VersionRun>) connection -> {
			long id = insertRun(connection, this.shape.tier(entries.size()), true);
			VersionRunWriter writer = new VersionRunWriter(connection, id, this.shape.blockEntries());
			for (byte[] entry : entries) {
				writer.add(entry, 0);
				heads.add(VersionRunWriter.head(entry, 0));
			}
			return complete(id, 0, writer, heads);
		});
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					written(run);
				}
			});
		}
		else {
			written(run);
		}
	}

	/**
	 * The batches that carried each of {@code fingerprints}, by batch id: the blocks of runs in files are read one by
	 * one into one buffer, those of runs in rows with one query. A block missing from a run the lookup started with
	 * was removed by a merge that had already put its run in the list, so the lookup starts again with that list.
	 */
	Map<Long, List<byte[]>> batches(byte[][] fingerprints) {
		byte[] buffer = new byte[this.shape.blockEntries() * VersionRunWriter.ENTRY];
		while (true) {
			List<VersionRun> live = live();
			Map<Long, List<byte[]>> batches = new HashMap<>();
			Map<Long, List<byte[]>> inRows = new HashMap<>();
			boolean whole = true;
			for (VersionRun run : live) {
				for (Map.Entry<Integer, List<byte[]>> block : wanted(run, fingerprints).entrySet()) {
					if (run.file() == null) {
						inRows.put(VersionRunWriter.blockId(run.id(), block.getKey()), block.getValue());
						continue;
					}
					byte[] read = run.file().read(block.getKey(), buffer);
					if (read == null) {
						whole = false;
						break;
					}
					buffer = read;
					match(read, run.file().length(block.getKey()), block.getValue(), batches);
				}
			}
			Map<Long, byte[]> blocks = inRows.isEmpty() ? Map.of() : read(inRows.keySet());
			if (whole && blocks.size() == inRows.size()) {
				inRows.forEach((block, sought) -> match(blocks.get(block), blocks.get(block).length, sought, batches));
				return batches;
			}
			if (live == live()) {
				throw new IllegalStateException("A block of a live record version run is missing: the runs of "
						+ "exchange_version_run disagree with their rows in exchange_version_block or their files");
			}
		}
	}

	/** The fingerprints the run may hold, by the place of the one block that would hold each, in order. */
	private static Map<Integer, List<byte[]>> wanted(VersionRun run, byte[][] fingerprints) {
		Map<Integer, List<byte[]>> wanted = new TreeMap<>();
		for (byte[] fingerprint : fingerprints) {
			long head = VersionRunWriter.head(fingerprint, 0);
			int block = run.mayHold(head) ? run.blockOf(head) : -1;
			if (block >= 0) {
				wanted.computeIfAbsent(block, b -> new ArrayList<>()).add(fingerprint);
			}
		}
		return wanted;
	}

	/** Reads the blocks of runs in rows, by id. */
	Map<Long, byte[]> read(Set<Long> wanted) {
		Map<Long, byte[]> blocks = new HashMap<>();
		this.jdbc.query("select b.id, b.entries from unnest(cast(? as bigint array)) as t(id) "
				+ "join exchange_version_block b on b.id = t.id",
				statement -> statement.setObject(1, wanted.toArray(Long[]::new)),
				rs -> {
					blocks.put(rs.getLong(1), rs.getBytes(2));
				});
		return blocks;
	}

	/** Adds the batches of the entries in the block's first {@code length} bytes that hold one of {@code sought}. */
	private static void match(byte[] block, int length, List<byte[]> sought, Map<Long, List<byte[]>> batches) {
		int count = length / VersionRunWriter.ENTRY;
		for (byte[] fingerprint : sought) {
			int low = 0;
			int high = count;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (VersionRunWriter.compareFingerprint(block, middle * VersionRunWriter.ENTRY, fingerprint) < 0) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			for (int i = low; i < count
					&& VersionRunWriter.compareFingerprint(block, i * VersionRunWriter.ENTRY, fingerprint) == 0; i++) {
				batches.computeIfAbsent(VersionRunWriter.batchId(block, i * VersionRunWriter.ENTRY),
						b -> new ArrayList<>())
					.add(fingerprint);
			}
		}
	}

	/**
	 * Calls {@code consumer} with every recorded version's batch id and fingerprint head, no merge running meanwhile,
	 * and builds the filters of the runs read from the database at start. Runs written meanwhile are not read.
	 */
	void scan(VersionConsumer consumer) {
		this.merging.lock();
		try {
			for (VersionRun run : live()) {
				BloomFilter heads = run.heads() == null ? VersionRun.filterFor(run.entries()) : null;
				this.jdbc.execute((ConnectionCallback<Void>) connection -> {
					try (BlockCursor blocks = blocks(connection, run)) {
						for (byte[] block = blocks.next(); block != null; block = blocks.next()) {
							for (int offset = 0; offset < block.length; offset += VersionRunWriter.ENTRY) {
								long head = VersionRunWriter.head(block, offset);
								consumer.accept(VersionRunWriter.batchId(block, offset), head);
								if (heads != null) {
									heads.add(head);
								}
							}
						}
					}
					return null;
				});
				if (heads != null) {
					replace(List.of(run), run.withHeads(heads));
				}
			}
		}
		finally {
			this.merging.unlock();
		}
	}

	/**
	 * Makes the versions folder if it is missing: a hub that cannot write it refuses to start, instead of failing
	 * every merge once it runs, its lookups reading more and more runs.
	 */
	@PostConstruct
	void prepareFolder() {
		if (this.folder == null) {
			throw new IllegalStateException("hub.exchange.versions is not set: the folder of the record versions' files");
		}
		try {
			Files.createDirectories(this.folder);
			Files.deleteIfExists(Files.createTempFile(this.folder, "writable", ".tmp"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The record versions folder " + this.folder.toAbsolutePath()
					+ " (hub.exchange.versions) cannot be written: " + ex, ex);
		}
	}

	/** Merges in the background from now on, beginning with what is due already. */
	@EventListener(ApplicationReadyEvent.class)
	void mergeInBackground() {
		this.mergingInBackground = true;
		queueMerge();
	}

	/**
	 * Stops a merge at its next entry, by a flag rather than an interrupt: an interrupt during file I/O would close
	 * the database's file channel under it.
	 */
	@PreDestroy
	void stop() throws InterruptedException {
		this.stopping = true;
		this.merger.shutdown();
		this.merger.awaitTermination(30, TimeUnit.SECONDS);
	}

	/** Runs every merge that is due, one after the other, until none is. */
	void merge() {
		this.merging.lock();
		try {
			boolean due = true;
			while (due && !this.stopping) {
				due = mergeOne();
			}
		}
		finally {
			this.merging.unlock();
		}
	}

	private boolean mergeOne() {
		Optional<Merge> due = due(live());
		due.ifPresent(merge -> {
			if (merge.inputs().size() == 1) {
				promote(merge.inputs().get(0), merge.level());
			}
			else {
				merge(merge.level(), merge.inputs());
			}
		});
		return due.isPresent();
	}

	/**
	 * The merge due first, if one is: the smallest tier holding enough runs, merged into one (a run as large as a
	 * leveled one together with the first level's run); else two runs found on one level (an upgraded repository's
	 * runs where its leveled merges left them), merged; else the lowest level grown past its capacity, merged into
	 * the next, or moved up when the next has no run (a merge of one input).
	 */
	private Optional<Merge> due(List<VersionRun> live) {
		Map<Integer, List<VersionRun>> tiers = new TreeMap<>();
		Map<Integer, List<VersionRun>> levels = new TreeMap<>();
		for (VersionRun run : live) {
			int tier = this.shape.tier(run.entries());
			if (tier < this.shape.tiers()) {
				tiers.computeIfAbsent(tier, t -> new ArrayList<>()).add(run);
			}
			else {
				levels.computeIfAbsent(Math.max(run.level(), tier), l -> new ArrayList<>()).add(run);
			}
		}
		for (Map.Entry<Integer, List<VersionRun>> tier : tiers.entrySet()) {
			if (tier.getValue().size() >= (tier.getKey() == 0 ? this.shape.levelZeroRuns() : this.shape.fanIn())) {
				List<VersionRun> inputs = new ArrayList<>(tier.getValue());
				int level = this.shape.tier(inputs.stream().mapToLong(VersionRun::entries).sum());
				if (level == this.shape.tiers()) {
					inputs.addAll(levels.getOrDefault(level, List.of()));
				}
				return Optional.of(new Merge(level, inputs));
			}
		}
		for (Map.Entry<Integer, List<VersionRun>> level : levels.entrySet()) {
			List<VersionRun> runs = level.getValue();
			if (runs.size() > 1) {
				return Optional.of(new Merge(level.getKey(), runs));
			}
			if (runs.get(0).entries() > this.shape.capacity(level.getKey())) {
				List<VersionRun> inputs = new ArrayList<>(runs);
				inputs.addAll(levels.getOrDefault(level.getKey() + 1, List.of()));
				return Optional.of(new Merge(level.getKey() + 1, inputs));
			}
		}
		return Optional.empty();
	}

	/**
	 * Writes the inputs' entries, in order, as one run of {@code level}, not live while it is written; then makes it
	 * live and the inputs not, in one transaction, and only then removes the inputs' blocks. A merge cut short leaves
	 * a run that is not live, removed at the next start.
	 */
	private void merge(int level, List<VersionRun> inputs) {
		long started = System.nanoTime();
		long id = this.jdbc.execute((ConnectionCallback<Long>) connection -> insertRun(connection, level, false));
		BloomFilter heads = VersionRun.filterFor(inputs.stream().mapToLong(VersionRun::entries).sum());
		VersionRun merged;
		try {
			merged = this.jdbc.execute((ConnectionCallback<VersionRun>) connection -> {
				try (VersionRunWriter writer = new VersionRunWriter(connection, id, this.shape.blockEntries(),
						RunFile.path(this.folder, id))) {
					mergeInto(writer, heads, connection, inputs);
					return makeLive(connection, id, level, writer, heads, inputs);
				}
			});
		}
		catch (RuntimeException ex) {
			if (!this.stopping) {
				remove(id);
			}
			throw ex;
		}
		replace(inputs, merged);
		remove(inputs);
		log.debug("Merged {} record version runs into run {} of level {}: {} versions in {} ms", inputs.size(),
				merged.id(), level, merged.entries(), (System.nanoTime() - started) / 1_000_000);
	}

	/** Writes the inputs' entries in order, and adds their heads to the merged run's filter if it has one. */
	private void mergeInto(VersionRunWriter writer, BloomFilter heads, Connection connection, List<VersionRun> inputs)
			throws SQLException {
		List<BlockCursor> blocks = new ArrayList<>();
		try {
			List<EntryCursor> entries = new ArrayList<>(inputs.size());
			for (VersionRun input : inputs) {
				BlockCursor run = blocks(connection, input);
				blocks.add(run);
				entries.add(new EntryCursor(run));
			}
			Losers order = new Losers(entries);
			for (EntryCursor least = order.least(); least.block != null; least = order.next()) {
				if (this.stopping) {
					throw new SQLException(
							"The hub is stopping; the merge's run is not live and is removed at the next start");
				}
				writer.add(least.block, least.offset);
				if (heads != null) {
					heads.add(least.head);
				}
				least.advance();
			}
		}
		finally {
			for (BlockCursor run : blocks) {
				run.close();
			}
		}
	}

	/** Writes the merged run's last blocks and directory, and makes it live and its inputs not, in one transaction. */
	private VersionRun makeLive(Connection connection, long id, int level, VersionRunWriter writer,
			BloomFilter heads, List<VersionRun> inputs) throws SQLException {
		return inTransaction(connection, () -> {
			VersionRun run = complete(id, level, writer, heads);
			try (PreparedStatement live = connection
				.prepareStatement("update exchange_version_run set live = ? where id = ?")) {
				live.setBoolean(1, true);
				live.setLong(2, id);
				live.addBatch();
				for (VersionRun input : inputs) {
					live.setBoolean(1, false);
					live.setLong(2, input.id());
					live.addBatch();
				}
				live.executeBatch();
			}
			return run;
		});
	}

	/** Moves a run past its level's capacity to the next level, which has none: nothing to rewrite. */
	private void promote(VersionRun run, int level) {
		this.jdbc.update("update exchange_version_run set level = ? where id = ?", level, run.id());
		replace(List.of(run), run.atLevel(level));
	}

	/**
	 * Removes a merge's inputs, no longer live: their files first, closed under lookups that still hold them, then the
	 * blocks of those in rows, by the ranges their directories give, and their rows, committed every
	 * {@link #BLOCKS_A_READ} blocks or so (see {@link #remove(long)}). Runs removed halfway are not live, and removed
	 * again at the next start.
	 */
	private void remove(List<VersionRun> runs) {
		runs.stream().map(VersionRun::file).filter(Objects::nonNull).forEach(RunFile::delete);
		this.jdbc.execute((ConnectionCallback<Void>) connection -> inTransaction(connection, () -> {
			try (PreparedStatement blocks = connection
				.prepareStatement("delete from exchange_version_block where id between ? and ?");
					PreparedStatement row = connection.prepareStatement("delete from exchange_version_run where id = ?")) {
				int uncommitted = 0;
				for (VersionRun run : runs) {
					for (int from = 0; run.file() == null && from < run.firstHeads().length; from += BLOCKS_A_READ) {
						blocks.setLong(1, VersionRunWriter.blockId(run.id(), from));
						blocks.setLong(2, VersionRunWriter.blockId(run.id(), from + BLOCKS_A_READ - 1));
						uncommitted += blocks.executeUpdate();
						if (uncommitted >= BLOCKS_A_READ) {
							connection.commit();
							uncommitted = 0;
						}
					}
					row.setLong(1, run.id());
					row.executeUpdate();
				}
				return null;
			}
		}));
	}

	/**
	 * Removes a run known by its id alone (what a merge cut short left): its file, if it has one, then its rows, its
	 * blocks a few a statement, by ranges of block ids, until a range is empty: H2 keeps a deleted row's value in the
	 * transaction's undo log until it commits, and one statement for a large run would make it write all of them as
	 * one chunk (in a small heap, an OutOfMemoryError that closes the database). The file goes first: a run removed
	 * halfway is not live, and removed again at the next start.
	 */
	private void remove(long runId) {
		try {
			Files.deleteIfExists(RunFile.path(this.folder, runId));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Removing the record version run file of run " + runId + " failed", ex);
		}
		int removed;
		int from = 0;
		do {
			removed = this.jdbc.update("delete from exchange_version_block where id between ? and ?",
					VersionRunWriter.blockId(runId, from), VersionRunWriter.blockId(runId, from + BLOCKS_A_READ - 1));
			from += BLOCKS_A_READ;
		}
		while (removed > 0);
		this.jdbc.update("delete from exchange_version_run where id = ?", runId);
	}

	/** Runs {@code work} in a transaction of its own, committed once it returns and rolled back if it fails. */
	private static <T> T inTransaction(Connection connection, TransactionWork<T> work) throws SQLException {
		connection.setAutoCommit(false);
		try {
			T result = work.run();
			connection.commit();
			return result;
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	private static long insertRun(Connection connection, int level, boolean live) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into exchange_version_run (level, live, entries) values (?, ?, 0)",
				Statement.RETURN_GENERATED_KEYS)) {
			insert.setInt(1, level);
			insert.setBoolean(2, live);
			insert.executeUpdate();
			try (ResultSet key = insert.getGeneratedKeys()) {
				key.next();
				return key.getLong(1);
			}
		}
	}

	/** Writes the writer's last blocks and the run's size and directory; opens a merged run's file. */
	private VersionRun complete(long id, int level, VersionRunWriter writer, BloomFilter heads) throws SQLException {
		long[] directory = writer.finish();
		RunFile file = writer.writesFile() ? RunFile.open(RunFile.path(this.folder, id), writer.ends()) : null;
		return new VersionRun(id, level, writer.entries(), directory, heads, file);
	}

	private synchronized void written(VersionRun run) {
		List<VersionRun> live = new ArrayList<>(live());
		live.add(run);
		this.runs = List.copyOf(live);
		if (this.mergingInBackground && due(live).isPresent()) {
			queueMerge();
		}
	}

	private synchronized void replace(List<VersionRun> inputs, VersionRun output) {
		List<VersionRun> live = new ArrayList<>(live());
		live.removeIf(r -> inputs.stream().anyMatch(i -> i.id() == r.id()));
		live.add(output);
		this.runs = List.copyOf(live);
	}

	private void queueMerge() {
		if (this.mergeQueued.compareAndSet(false, true)) {
			this.merger.execute(() -> {
				this.mergeQueued.set(false);
				try {
					merge();
				}
				catch (DataAccessException | IllegalStateException | UncheckedIOException ex) {
					if (this.stopping) {
						log.info("Merging record version runs stopped with the hub: {}", ex.getMessage());
					}
					else {
						log.warn("Merging record version runs failed; lookups read more runs until the next merge",
								ex);
					}
				}
			});
		}
	}

	/** The live runs, read from the database the first time after what an unfinished merge left is removed. */
	private synchronized List<VersionRun> live() {
		if (this.runs == null) {
			this.jdbc.queryForList("select id from exchange_version_run where not live", Long.class)
				.forEach(this::remove);
			this.runs = List.copyOf(this.jdbc.query(
					"select id, level, entries, first_heads, block_ends from exchange_version_run order by id",
					(rs, n) -> {
						byte[] ends = rs.getBytes(5);
						RunFile file = ends == null ? null
								: RunFile.open(RunFile.path(this.folder, rs.getLong(1)), VersionRun.decode(ends));
						return new VersionRun(rs.getLong(1), rs.getInt(2), rs.getLong(3),
								VersionRun.decode(rs.getBytes(4)), null, file);
					}));
		}
		return this.runs;
	}

	/** A merge of {@code inputs} into one run of {@code level}; of one input, the run moved to that level. */
	private record Merge(int level, List<VersionRun> inputs) {
	}

	/**
	 * How runs are cut and merged. Runs smaller than {@code tierEntries} are of tier 0, merged {@code levelZeroRuns}
	 * at a time; tier k holds runs from {@code tierEntries} times {@code fanIn} to the power k - 1 up to {@code fanIn}
	 * times that, merged {@code fanIn} at a time, whatever their sizes within the tier. Runs of tier {@code tiers} and
	 * larger are leveled: one run a level from level {@code tiers} up, each merged into the next once it holds more
	 * than its capacity, {@code growth} times the smallest leveled run at the first level and {@code growth} times the
	 * level below above it. Tiered merges write a version once a tier, leveled merges about half {@code growth} times
	 * a level, but leave one run a level for a lookup to read.
	 */
	record Shape(int blockEntries, int levelZeroRuns, long tierEntries, int fanIn, int tiers, int growth) {

		/**
		 * Blocks of 64 entries (2.5 KB, one read a lookup in a run); sixteen runs of fewer than 8,192 versions
		 * (batches) merged at a time, then eight of a tier: batches of a thousand make runs of 16,000 versions, then
		 * of 128,000, then of a million, then of eight million, which go to the levels (32 million, 256 million
		 * versions). In a simulation a version is written under four times in the first six million and seven and a
		 * half times in the first hundred million; with three tiers, the runs of a million leveled (a first level of
		 * four million rewritten with every million), it was five and a half and ten times, and eleven and seventeen
		 * with the leveled merges before the tiers. A lookup has up to 38 runs to filter, not 32. A repository's runs
		 * are placed by size, so a run of a million that an earlier shape leveled joins its tier. The runs too large
		 * for a filter ({@link VersionRun#FILTERED_ENTRIES}) are all leveled.
		 */
		static final Shape DEFAULT = new Shape(VersionRunWriter.BLOCK_ENTRIES, 16, 8_192, 8, 4, 8);

		/** The tier of a run of that many versions, {@link #tiers} for one that is leveled. */
		int tier(long entries) {
			int tier = 0;
			for (long bound = this.tierEntries; entries >= bound && tier < this.tiers; bound *= this.fanIn) {
				tier++;
			}
			return tier;
		}

		/** The most versions a level ({@link #tiers} or above) holds before it is merged into the next. */
		long capacity(int level) {
			long capacity = this.tierEntries;
			for (int i = 1; i < this.tiers && capacity < Long.MAX_VALUE / this.fanIn; i++) {
				capacity *= this.fanIn;
			}
			for (int i = this.tiers; i <= level && capacity < Long.MAX_VALUE / this.growth; i++) {
				capacity *= this.growth;
			}
			return capacity;
		}

	}

	/** Work done in one transaction ({@link #inTransaction}). */
	@FunctionalInterface
	private interface TransactionWork<T> {

		T run() throws SQLException;

	}

	/** Told of a recorded version. */
	interface VersionConsumer {

		void accept(long batchId, long head);

	}

	/** A run's blocks, from its file or its rows. */
	private static BlockCursor blocks(Connection connection, VersionRun run) {
		return run.file() != null ? run.file().blocks() : new RowBlocks(connection, run.id());
	}

	/** A run's entries in order, a block or more at a time. */
	interface BlockCursor extends AutoCloseable {

		/** The next entries, whole ones, in an array valid until the next call; null after the last. */
		byte[] next() throws SQLException;

		@Override
		void close() throws SQLException;

	}

	/** The blocks of a run in rows, read a few at a time with one statement. */
	private static final class RowBlocks implements BlockCursor {

		private final Connection connection;

		private final List<byte[]> read = new ArrayList<>();

		private PreparedStatement select;

		private int next;

		private long from;

		private boolean exhausted;

		RowBlocks(Connection connection, long runId) {
			this.connection = connection;
			this.from = VersionRunWriter.blockId(runId, 0);
		}

		@Override
		public byte[] next() throws SQLException {
			if (this.next == this.read.size()) {
				if (this.exhausted) {
					return null;
				}
				readMore();
				if (this.read.isEmpty()) {
					return null;
				}
			}
			return this.read.get(this.next++);
		}

		@Override
		public void close() throws SQLException {
			if (this.select != null) {
				this.select.close();
			}
		}

		private void readMore() throws SQLException {
			this.read.clear();
			this.next = 0;
			if (this.select == null) {
				this.select = this.connection
					.prepareStatement("select entries from exchange_version_block where id between ? and ? order by id");
			}
			this.select.setLong(1, this.from);
			this.select.setLong(2, this.from + BLOCKS_A_READ - 1);
			try (ResultSet rs = this.select.executeQuery()) {
				while (rs.next()) {
					this.read.add(rs.getBytes(1));
				}
			}
			this.from += BLOCKS_A_READ;
			this.exhausted = this.read.size() < BLOCKS_A_READ;
		}

	}

	/**
	 * A run's entries in order: the current one is at {@code offset} of {@code block}, its head in {@code head}; the
	 * block is null past the last.
	 */
	private static final class EntryCursor {

		private final BlockCursor blocks;

		private byte[] block;

		private int offset;

		private long head;

		EntryCursor(BlockCursor blocks) throws SQLException {
			this.blocks = blocks;
			this.block = blocks.next();
			readHead();
		}

		void advance() throws SQLException {
			this.offset += VersionRunWriter.ENTRY;
			if (this.offset == this.block.length) {
				this.block = this.blocks.next();
				this.offset = 0;
			}
			readHead();
		}

		/** Whether this cursor's entry comes before the other's; a cursor past its last comes after every other. */
		boolean before(EntryCursor other) {
			if (this.block == null || other.block == null) {
				return other.block == null && this.block != null;
			}
			if (this.head != other.head) {
				return this.head < other.head;
			}
			return VersionRunWriter.compare(this.block, this.offset, other.block, other.offset) < 0;
		}

		private void readHead() {
			if (this.block != null) {
				this.head = VersionRunWriter.head(this.block, this.offset);
			}
		}

	}

	/**
	 * The cursors of a merge ordered by their current entries in a tree of losers: each inner node keeps the cursor
	 * that lost the match there, so once the least has advanced, only the matches on its path are played again, one
	 * comparison a level, where a priority queue takes two a level to remove it and more to put it back.
	 */
	private static final class Losers {

		private final EntryCursor[] cursors;

		/** The loser of each inner node, 1 to n - 1; the leaves, n to 2n - 1, are the cursors in order. */
		private final int[] losers;

		private int least;

		Losers(List<EntryCursor> cursors) {
			this.cursors = cursors.toArray(EntryCursor[]::new);
			int n = this.cursors.length;
			this.losers = new int[n];
			int[] winners = new int[2 * n];
			for (int i = 0; i < n; i++) {
				winners[n + i] = i;
			}
			for (int node = n - 1; node >= 1; node--) {
				int left = winners[2 * node];
				int right = winners[2 * node + 1];
				boolean leftWins = !this.cursors[right].before(this.cursors[left]);
				winners[node] = leftWins ? left : right;
				this.losers[node] = leftWins ? right : left;
			}
			this.least = winners[1];
		}

		/** The cursor at the least entry; past its last only once all are. */
		EntryCursor least() {
			return this.cursors[this.least];
		}

		/** The cursor at the least entry once the one {@link #least()} answered has advanced. */
		EntryCursor next() {
			int winner = this.least;
			for (int node = (winner + this.cursors.length) >>> 1; node >= 1; node >>>= 1) {
				int loser = this.losers[node];
				if (this.cursors[loser].before(this.cursors[winner])) {
					this.losers[node] = winner;
					winner = loser;
				}
			}
			this.least = winner;
			return this.cursors[winner];
		}

	}

}
