package cn.datahub.exchange;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotent repository's record versions alone ({@link VersionRuns}, default shape, on an H2 file database
 * through a pool, as the hub's): batches of a thousand versions written one by one, each followed by the merges it
 * makes due, on this thread, so that their CPU time is the thread's. Prints, by the highest level a round of merges
 * reached, the rounds, the versions they wrote and the CPU time a version; and what a batch's write and lookups cost
 * (of new versions, as when the hub has not yet read which versions it knows; of a batch recorded before, as when a
 * file is delivered again). 8,192 batches by default, so that the eighth run of a million versions forms and the
 * eight are merged: {@code -Dbench.versions.batches},
 * {@code taskset -c 0 mvn -B -o -Pbench verify -Dtest=VersionRunsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class VersionRunsBenchmark {

	private static final int BATCHES = Integer.getInteger("bench.versions.batches", 8_192);

	private static final int BATCH = 1000;

	private final Path home = Path.of("target/bench/versions-" + UUID.randomUUID()).toAbsolutePath();

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	@Test
	void writesLookupsAndMergesByLevel() throws Exception {
		HikariDataSource database = new HikariDataSource();
		database.setJdbcUrl("jdbc:h2:file:" + this.home.resolve("db/hub") + ";MODE=Regular;DB_CLOSE_ON_EXIT=FALSE");
		database.setUsername("sa");
		MigratedDatabase.migrate(database, null);
		JdbcTemplate jdbc = new JdbcTemplate(database);
		VersionRuns runs = new VersionRuns(jdbc, Files.createDirectories(this.home.resolve("versions")),
				VersionRuns.Shape.DEFAULT);
		Map<Integer, long[]> merges = new TreeMap<>();
		long newLookupNanos = 0;
		long recordedLookupNanos = 0;
		int recordedLookups = 0;
		long writeNanos = 0;
		long wallStart = System.nanoTime();
		long processStart = processCpu();
		for (int batch = 1; batch <= BATCHES; batch++) {
			byte[][] fingerprints = fingerprints(batch);
			newLookupNanos += cpuOf(() -> assertThat(runs.batches(fingerprints)).as("new versions").isEmpty());
			long carrier = batch;
			if (batch % 10 == 0) {
				byte[][] recorded = fingerprints(batch / 2);
				recordedLookupNanos += cpuOf(() -> assertThat(runs.batches(recorded)).as("recorded versions")
					.containsOnlyKeys(carrier / 2));
				recordedLookups++;
			}
			List<Fingerprint> versions = Arrays.stream(fingerprints).map(Fingerprint::of).toList();
			writeNanos += cpuOf(() -> runs.write(carrier, versions));
			Map<Long, long[]> before = liveRuns(jdbc);
			long merged = cpuOf(runs::merge);
			Map<Long, long[]> after = liveRuns(jdbc);
			after.keySet().removeAll(before.keySet());
			if (!after.isEmpty()) {
				long[] round = merges.computeIfAbsent(
						after.values().stream().mapToInt(run -> (int) run[0]).max().getAsInt(), l -> new long[3]);
				round[0]++;
				round[1] += after.values().stream().mapToLong(run -> run[1]).sum();
				round[2] += merged;
			}
		}
		double wall = (System.nanoTime() - wallStart) / 1e9;
		double process = (processCpu() - processStart) / 1e9;
		long versions = (long) BATCHES * BATCH;
		System.out.printf("%n=== Record versions: %,d batches of %,d, default shape, one thread ===%n", BATCHES, BATCH);
		System.out.printf("lookup of a batch, new versions:      %,8.0f µs CPU%n", newLookupNanos / 1e3 / BATCHES);
		System.out.printf("lookup of a batch, recorded versions: %,8.0f µs CPU%n",
				recordedLookupNanos / 1e3 / Math.max(1, recordedLookups));
		System.out.printf("write of a batch's run:               %,8.0f µs CPU%n", writeNanos / 1e3 / BATCHES);
		System.out.printf("%-8s %8s %14s %12s %10s%n", "reaching", "rounds", "versions", "CPU s", "ns/version");
		merges.forEach((level, figures) -> System.out.printf("%-8d %8d %,14d %12.2f %10.0f%n", level, figures[0],
				figures[1], figures[2] / 1e9, (double) figures[2] / figures[1]));
		double merging = merges.values().stream().mapToLong(figures -> figures[2]).sum() / 1e9;
		System.out.printf("merges: %.2f CPU s, %.2f a million versions recorded%n", merging, merging * 1e6 / versions);
		System.out.printf("process CPU %.1f s (H2's store and the JIT too), wall %.1f s%n", process, wall);
		runs.stop();
		database.close();
		FileSystemUtils.deleteRecursively(this.home);
	}

	/** The live runs' levels and sizes, by id. */
	private static Map<Long, long[]> liveRuns(JdbcTemplate jdbc) {
		Map<Long, long[]> live = new TreeMap<>();
		jdbc.query("select id, level, entries from exchange_version_run where live",
				rs -> {
					live.put(rs.getLong(1), new long[] { rs.getInt(2), rs.getLong(3) });
				});
		return live;
	}

	/** The fingerprints of a batch's thousand versions, the same for the same batch. */
	private static byte[][] fingerprints(int batch) throws NoSuchAlgorithmException {
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		byte[][] fingerprints = new byte[BATCH][];
		for (int i = 0; i < BATCH; i++) {
			fingerprints[i] = sha256.digest(ByteBuffer.allocate(Long.BYTES).putLong((long) batch * BATCH + i).array());
		}
		return fingerprints;
	}

	/** The CPU time this thread spent on {@code work}. */
	private long cpuOf(Work work) throws Exception {
		long started = this.threads.getCurrentThreadCpuTime();
		work.run();
		return this.threads.getCurrentThreadCpuTime() - started;
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	@FunctionalInterface
	private interface Work {

		void run() throws Exception;

	}

}
