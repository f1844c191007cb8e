package cn.datahub.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The record version runs on H2 with the real migrations, cut and merged small (blocks of 4 entries; runs of fewer
 * than 8 versions, then of 8 to 15, merged two at a time; runs of 16 and more leveled, level 2 holding 32 versions and
 * each level twice the one below) so that a few dozen of 冠县人社局's insured persons go through every tier and level.
 */
class VersionRunsTests {

	private static final VersionRuns.Shape SMALL = new VersionRuns.Shape(4, 2, 8, 2, 2, 2);

	private final JdbcTemplate jdbc = new JdbcTemplate(MigratedDatabase.create("version-runs"));

	/** Where this test's merged runs are kept: run ids start anew in each test's database. */
	@TempDir
	Path versions;

	private VersionRuns runs;

	@BeforeEach
	void migrate() {
		MigratedDatabase.migrate(this.jdbc.getDataSource(), null);
		this.runs = new VersionRuns(this.jdbc, this.versions, SMALL);
	}

	@Test
	void everyVersionIsFoundInTheBatchesThatCarriedItAfterTheRunsAreMergedTierByTierAndLevelByLevel() throws IOException {
		List<List<byte[]>> batches = IntStream.range(0, 30)
			.mapToObj(b -> IntStream.range(0, 5).mapToObj(i -> person(b * 5 + i)).toList())
			.toList();
		byte[] movedTwice = person(12);
		for (int b = 0; b < batches.size(); b++) {
			List<byte[]> versions = new ArrayList<>(batches.get(b));
			if (b == 20) {
				versions.add(movedTwice);
			}
			this.runs.write(b + 1, fingerprints(versions));
			this.runs.merge();
		}

		Map<Long, List<byte[]>> found = this.runs
			.batches(IntStream.range(0, 150).mapToObj(VersionRunsTests::person).toArray(byte[][]::new));

		for (int b = 0; b < batches.size(); b++) {
			assertThat(found.get(b + 1L)).as("batch %d", b + 1).usingElementComparator(Arrays::compare)
				.containsExactlyInAnyOrderElementsOf(b == 20 ? concat(batches.get(b), movedTwice) : batches.get(b));
		}
		Map<Boolean, List<Map<String, Object>>> leveled = this.jdbc
			.queryForList("select level, entries from exchange_version_run where live")
			.stream()
			.collect(Collectors.partitioningBy(run -> SMALL.tier(entries(run)) == SMALL.tiers()));
		assertThat(leveled.get(true)).as("at most one run a level, none past its capacity, 151 versions reaching level 4")
			.allSatisfy(run -> assertThat(entries(run)).isLessThanOrEqualTo(SMALL.capacity((Integer) run.get("level"))))
			.extracting(run -> (Integer) run.get("level"))
			.doesNotHaveDuplicates()
			.contains(4);
		assertThat(leveled.get(false)).as("fewer runs a tier than are merged together")
			.extracting(run -> SMALL.tier(entries(run)))
			.doesNotHaveDuplicates();
		assertThat(this.runs.batches(new byte[][] { person(150) })).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from exchange_version_run where not live", Long.class))
			.as("merged inputs removed").isZero();
		assertThat(runFiles()).as("a file for each merged run, none for a run merged again")
			.isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(this.jdbc.queryForList(
					"select id || '.run' from exchange_version_run where block_ends is not null", String.class));
		assertThat(new VersionRuns(this.jdbc, this.versions, SMALL)
			.batches(IntStream.range(0, 150).mapToObj(VersionRunsTests::person).toArray(byte[][]::new)))
			.as("found again by a restarted hub").containsOnlyKeys(found.keySet());
	}

	@Test
	void manyRunsMergedAtOnceComeOutAsOneRunInOrderThoughEachIsReadInSeveralParts() {
		VersionRuns wide = new VersionRuns(this.jdbc, this.versions, new VersionRuns.Shape(4, 8, 100_000, 2, 1, 2));
		List<List<byte[]>> batches = IntStream.range(0, 22)
			.mapToObj(b -> IntStream.range(0, 300).mapToObj(i -> person(b * 300 + i)).toList())
			.toList();
		for (int b = 0; b < batches.size(); b++) {
			wide.write(b + 1, fingerprints(batches.get(b)));
			wide.merge();
		}

		Map<Long, List<byte[]>> found = wide
			.batches(IntStream.range(0, 6600).mapToObj(VersionRunsTests::person).toArray(byte[][]::new));

		for (int b = 0; b < batches.size(); b++) {
			assertThat(found.get(b + 1L)).as("batch %d", b + 1).usingElementComparator(Arrays::compare)
				.containsExactlyInAnyOrderElementsOf(batches.get(b));
		}
		assertThat(this.jdbc.queryForList("select entries from exchange_version_run where live", Long.class))
			.as("eight runs merged, then the merged run and seven more, twice: the merged run of 4,500 versions read "
					+ "back from its file 1,638 versions at a time")
			.containsExactly(6600L);
		assertThat(this.jdbc.queryForObject("select count(*) from exchange_version_block", Long.class))
			.as("the batches' runs of 75 blocks each removed once merged, 64 blocks a statement").isZero();
	}

	@Test
	void leveledRunsFoundOnOneLevelAreMergedIntoOneAsAnUpgradedRepositoryOrALargeBatchLeavesThem() {
		writeBatches(3, 20);
		this.jdbc.update("update exchange_version_run set level = 1 where id = (select min(id) from exchange_version_run)");
		VersionRuns upgraded = new VersionRuns(this.jdbc, this.versions, SMALL);

		upgraded.merge();

		assertThat(this.jdbc.queryForList("select level, entries from exchange_version_run where live"))
			.as("three runs of 20 versions, one where a leveled merge of before left it, merged into one past level 2's "
					+ "capacity, moved to level 3")
			.containsExactly(Map.of("LEVEL", 3, "ENTRIES", 60L));
		Map<Long, List<byte[]>> found = upgraded
			.batches(IntStream.range(0, 60).mapToObj(VersionRunsTests::person).toArray(byte[][]::new));
		assertThat(found).containsOnlyKeys(1L, 2L, 3L).allSatisfy((batch, versions) -> assertThat(versions).hasSize(20));
	}

	@Test
	void aRunThatAShapeOfFewerTiersLeveledJoinsItsTierUnderOneOfMoreAndIsMergedWithTheRunsOfThatTier() {
		writeBatches(1, 20);
		VersionRuns moreTiers = new VersionRuns(this.jdbc, this.versions, new VersionRuns.Shape(4, 2, 8, 2, 3, 2));
		assertThat(this.jdbc.queryForList("select level from exchange_version_run", Integer.class))
			.as("20 versions: leveled at level 2 under two tiers").containsExactly(2);

		moreTiers.write(2, fingerprints(IntStream.range(20, 40).mapToObj(VersionRunsTests::person).toList()));
		moreTiers.merge();

		assertThat(this.jdbc.queryForList("select level, entries from exchange_version_run where live"))
			.as("under three tiers both runs of 20 are of tier 2, merged into one leveled run at level 3")
			.containsExactly(Map.of("LEVEL", 3, "ENTRIES", 40L));
		assertThat(moreTiers.batches(IntStream.range(0, 40).mapToObj(VersionRunsTests::person).toArray(byte[][]::new)))
			.containsOnlyKeys(1L, 2L)
			.allSatisfy((batch, versions) -> assertThat(versions).hasSize(20));
	}

	@Test
	void theHubsShapeKeepsRunsOfAMillionVersionsInATierWithAFilterAndLevelsOnlyRunsTooLargeToFilter() {
		VersionRuns.Shape shape = VersionRuns.Shape.DEFAULT;

		assertThat(shape.tier(1_000_000)).as("a million versions, a thousand batches of a thousand").isEqualTo(3)
			.isLessThan(shape.tiers());
		assertThat(shape.tier(VersionRun.FILTERED_ENTRIES + 1)).as("too large for a filter").isEqualTo(shape.tiers());
		assertThat(shape.tier(VersionRun.FILTERED_ENTRIES - 1)).as("a run just small enough for a filter is a tier's")
			.isLessThan(shape.tiers());
		assertThat(shape.capacity(shape.tiers())).as("the first level: four runs of eight million")
			.isEqualTo(32L << 20);
	}

	@Test
	void onceTheHubIsReadyTheRunsAreMergedInTheBackgroundAsBatchesAreConfirmed() throws InterruptedException {
		this.runs.mergeInBackground();
		try {
			this.runs.write(1, fingerprints(List.of(person(1), person(2))));
			this.runs.write(2, fingerprints(List.of(person(3), person(4))));

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.jdbc.queryForList(
						"select entries from exchange_version_run where live", Long.class))
					.as("two runs of the first tier merged into one")
					.containsExactly(4L));
			assertThat(this.runs.batches(new byte[][] { person(1), person(4) })).containsOnlyKeys(1L, 2L);
		}
		finally {
			this.runs.stop();
		}
	}

	@Test
	void aLookupReadsNoBlockOfARunWhoseFilterRulesTheVersionOutAndTheFiltersAreRebuiltAtStart() {
		writeBatches(3, 100);
		byte[][] sought = { person(150) };
		List<Set<Long>> reads = new ArrayList<>();
		VersionRuns restarted = new VersionRuns(this.jdbc, this.versions, SMALL) {

			@Override
			Map<Long, byte[]> read(Set<Long> wanted) {
				reads.add(wanted);
				return super.read(wanted);
			}

		};

		assertThat(this.runs.batches(sought)).containsOnlyKeys(2L);
		assertThat(restarted.batches(sought)).containsOnlyKeys(2L);
		restarted.scan((batchId, head) -> {
		});
		assertThat(restarted.batches(sought)).containsOnlyKeys(2L);

		assertThat(reads).extracting(Set::size)
			.as("a block of each of the three runs read at start, of the run that holds it once the filters are built")
			.containsExactly(3, 1);
	}

	@Test
	void versionsSharingAFingerprintHeadAreKeptInOneBlockAndAllFound() {
		byte[] zhang = person(1);
		List<byte[]> twins = IntStream.range(0, 10).mapToObj(i -> {
			byte[] twin = zhang.clone();
			twin[31] = (byte) i;
			return twin;
		}).toList();
		this.runs.write(1, fingerprints(twins.subList(0, 5)));
		this.runs.write(2, fingerprints(concat(twins.subList(5, 10), person(2))));
		this.runs.merge();

		Map<Long, List<byte[]>> found = this.runs.batches(twins.toArray(byte[][]::new));
		assertThat(found.get(1L)).hasSize(5);
		assertThat(found.get(2L)).hasSize(5);
		long[] ends = VersionRun.decode(this.jdbc.queryForObject(
				"select block_ends from exchange_version_run where live", byte[].class));
		assertThat(IntStream.range(0, ends.length).mapToLong(b -> ends[b] - (b == 0 ? 0 : ends[b - 1])))
			.as("the two runs merged into a file with a block holding the ten twins, longer than four entries")
			.anySatisfy(entries -> assertThat(entries).isGreaterThanOrEqualTo(10));
	}

	@Test
	void aMergeTheHubDidNotFinishIsRemovedAtTheNextStart() throws IOException {
		this.runs.write(1, fingerprints(List.of(person(1), person(2))));
		this.jdbc.update("insert into exchange_version_run (id, level, live, entries) values (98, 1, false, 0)");
		this.jdbc.update("insert into exchange_version_block (id, first_head, entries) "
				+ "select 98 * 4294967296 + bitand(id, 4294967295), first_head, entries from exchange_version_block");
		this.jdbc.update("insert into exchange_version_run (id, level, live, entries) values (99, 1, false, 0)");
		Files.write(this.versions.resolve("99.run"), new byte[VersionRunWriter.ENTRY * 3]);

		VersionRuns restarted = new VersionRuns(this.jdbc, this.versions, SMALL);

		assertThat(restarted.batches(new byte[][] { person(1) })).containsOnlyKeys(1L);
		assertThat(this.jdbc.queryForObject("select count(*) from exchange_version_block where id / 4294967296 = 98", Long.class))
			.as("the blocks of a merge of before, in rows").isZero();
		assertThat(this.versions.resolve("99.run")).as("the file of a merge cut short").doesNotExist();
		assertThat(this.jdbc.queryForList("select id from exchange_version_run", Long.class)).doesNotContain(98L, 99L);
	}

	@Test
	void aMergedRunWhoseFileIsGoneOrCutShortStopsLookupsWithAnErrorNamingTheFolder() throws IOException {
		writeBatches(2, 3);
		this.runs.merge();
		Path file = this.versions.resolve(runFiles().get(0));

		Files.write(file, Arrays.copyOf(Files.readAllBytes(file), VersionRunWriter.ENTRY * 5));
		assertThatIllegalStateException()
			.isThrownBy(() -> new VersionRuns(this.jdbc, this.versions, SMALL).batches(new byte[][] { person(1) }))
			.withMessageContaining(file.toAbsolutePath().toString())
			.withMessageContaining("holds 200 bytes where its run has 240")
			.withMessageContaining("hub.exchange.versions");
		Files.delete(file);
		assertThatIllegalStateException()
			.isThrownBy(() -> new VersionRuns(this.jdbc, this.versions, SMALL).batches(new byte[][] { person(1) }))
			.withMessageContaining("cannot be read");
	}

	@Test
	void aVersionsFolderThatCannotBeWrittenIsRefusedAtStartNotAtTheFirstMerge() throws IOException {
		Path notAFolder = Files.writeString(this.versions.resolve("versions"), "冠县人社局");
		VersionRuns misplaced = new VersionRuns(this.jdbc, notAFolder.resolve("runs"), SMALL);

		assertThatIllegalStateException().isThrownBy(misplaced::prepareFolder)
			.withMessageContaining(notAFolder.resolve("runs").toAbsolutePath().toString())
			.withMessageContaining("hub.exchange.versions");
		new VersionRuns(this.jdbc, this.versions.resolve("new"), SMALL).prepareFolder();
		assertThat(this.versions.resolve("new")).as("made when missing, left empty").isEmptyDirectory();
	}

	@Test
	void aLookupWhoseRunsAMergeReplacedMeanwhileReadsTheMergedRun() throws IOException {
		AtomicInteger reads = new AtomicInteger();
		VersionRuns merging = new VersionRuns(this.jdbc, this.versions, SMALL) {

			@Override
			Map<Long, byte[]> read(Set<Long> wanted) {
				if (reads.getAndIncrement() == 0) {
					merge();
				}
				return super.read(wanted);
			}

		};
		merging.write(1, fingerprints(List.of(person(1), person(2))));
		merging.write(2, fingerprints(List.of(person(3), person(4))));

		Map<Long, List<byte[]>> found = merging.batches(new byte[][] { person(1), person(4) });

		assertThat(reads).as("the rows read once, then the merged run's file").hasValue(1);
		assertThat(found).containsOnlyKeys(1L, 2L);
		assertThat(runFiles()).hasSize(1);
	}

	@Test
	void aRunFileRemovedUnderALookupAnswersNothingRatherThanFailing() throws IOException {
		writeBatches(2, 3);
		this.runs.merge();
		Map<String, Object> merged = this.jdbc.queryForMap("select id, block_ends from exchange_version_run where live");
		RunFile file = RunFile.open(RunFile.path(this.versions, (Long) merged.get("id")),
				VersionRun.decode((byte[]) merged.get("block_ends")));

		assertThat(file.read(0, new byte[0])).as("a block, read into a buffer grown for it")
			.hasSize(file.length(0));
		file.delete();

		assertThat(file.read(0, new byte[1024])).isNull();
		assertThat(runFiles()).isEmpty();
	}

	@Test
	void entriesOutOfOrderAreRefusedRatherThanWrittenWhereNoLookupWouldFindThem() {
		List<byte[]> sorted = new ArrayList<>(List.of(person(1), person(2)));
		sorted.sort((a, b) -> VersionRunWriter.compareFingerprint(a, 0, b));

		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			VersionRunWriter writer = new VersionRunWriter(connection, 1, 4);
			writer.add(VersionRunWriter.entry(sorted.get(1), 1), 0);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> writer.add(VersionRunWriter.entry(sorted.get(0), 1), 0))
				.withMessageContaining("out of order");
			return null;
		});
	}

	/** Writes batches 1 to {@code count} of {@code size} persons each, the first batch persons 0 to size - 1. */
	private void writeBatches(int count, int size) {
		for (int batch = 0; batch < count; batch++) {
			this.runs.write(batch + 1,
					fingerprints(IntStream.range(batch * size, (batch + 1) * size).mapToObj(VersionRunsTests::person).toList()));
		}
	}

	private List<String> runFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.versions)) {
			return files.map(file -> file.getFileName().toString()).toList();
		}
	}

	private static long entries(Map<String, Object> run) {
		return ((Number) run.get("entries")).longValue();
	}

	private static List<Fingerprint> fingerprints(List<byte[]> versions) {
		return versions.stream().map(Fingerprint::of).toList();
	}

	private static List<byte[]> concat(List<byte[]> versions, byte[] version) {
		List<byte[]> all = new ArrayList<>(versions);
		all.add(version);
		return all;
	}

	/** The fingerprint of the n-th insured person of the register: SHA-256, as the converter computes one. */
	private static byte[] person(int n) {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest(String.format("3715251985%08d|参保人%d|冠县清泉街道", n, n).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
