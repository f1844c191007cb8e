package cn.datahub.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.datahub.catalogue.Resource;
import cn.datahub.exchange.HandWrittenLoop.Stage;
import cn.datahub.exchange.RecordConverter.Converted;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange's stages timed one by one on one thread, the hub's own classes against the {@link HandWrittenLoop}
 * over the same file: reading; then validating and converting; then writing the file outbox's container files; then
 * the masked target's too. The hub reads with {@link SourceFiles} (CSV with Jackson, as the loop does; JSON lines
 * from bytes), converts with {@link RecordConverter#convert} (the encoding and fingerprint too) and writes each batch
 * of a thousand as a file of its own with {@link FileOutbox}, as its file targets do: no Camel, no database, no
 * idempotent repository, and no thread but the reading one of {@link SourceFiles}. What the whole hub takes beyond
 * these in {@link ExchangeBenchmark} is what those cost. A stage's time is the difference between two runs, so each
 * is run in several rounds after an untimed one and the medians are printed. Run it on one core, as the other:
 * {@code taskset -c 0 mvn -B -o -Pbench verify -Dtest=ExchangeStagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.exchange.stages.records}, {@code -Dbench.exchange.stages.rounds}).
 */
@Tag("bench")
class ExchangeStagesBenchmark {

	private static final long RECORDS = Long.getLong("bench.exchange.stages.records", 300_000);

	private static final int ROUNDS = Integer.getInteger("bench.exchange.stages.rounds", 3);

	private static final int BATCH = 1000;

	private final Path home = Path.of("target/bench/stages-" + UUID.randomUUID()).toAbsolutePath();

	private final Masking masking = ExchangeBenchmark.masking();

	private final Resource resource = PersonRegister.resource("371525-RSJ-0301", ExchangeBenchmark.PROVIDER);

	@Test
	void theHubsStagesAgainstTheLoops() throws Exception {
		Path files = Files.createDirectories(this.home.resolve("files"));
		Path jsonLines = files.resolve("参保人员登记信息.jsonl");
		Path csv = files.resolve("参保人员登记信息.csv");
		new PersonRegister(20261123).writeJsonLines(jsonLines, RECORDS);
		new PersonRegister(20261124).writeCsv(csv, RECORDS);
		Map<String, List<Double>> seconds = new LinkedHashMap<>();
		for (int round = 0; round <= ROUNDS; round++) {
			for (Path file : List.of(jsonLines, csv)) {
				for (Stage stage : Stage.values()) {
					double loop = time(() -> loop(file, stage));
					double hub = time(() -> hub(file, stage));
					if (round > 0) {
						seconds.computeIfAbsent(key(file, "loop", stage), k -> new ArrayList<>()).add(loop);
						seconds.computeIfAbsent(key(file, "hub", stage), k -> new ArrayList<>()).add(hub);
					}
				}
			}
		}
		System.out.printf("%n=== Exchange stages: %,d records a file, one thread, median of %d rounds ===%n", RECORDS,
				ROUNDS);
		System.out.printf("%-12s %-10s %8s %8s %11s %11s%n", "", "up to", "loop s", "hub s", "loop stage", "hub stage");
		for (Path file : List.of(jsonLines, csv)) {
			double loopBefore = 0;
			double hubBefore = 0;
			for (Stage stage : Stage.values()) {
				double loop = median(seconds.get(key(file, "loop", stage)));
				double hub = median(seconds.get(key(file, "hub", stage)));
				System.out.printf("%-12s %-10s %8.2f %8.2f %11.2f %11.2f%n", ExchangeBenchmark.format(file), stage,
						loop, hub, loop - loopBefore, hub - hubBefore);
				loopBefore = loop;
				hubBefore = hub;
			}
		}
		FileSystemUtils.deleteRecursively(this.home);
	}

	private void loop(Path file, Stage last) throws Exception {
		HandWrittenLoop loop = new HandWrittenLoop(this.resource, this.masking, ExchangeBenchmark.ZONE);
		HandWrittenLoop.Counts counts = loop.run(file, this.home.resolve("loop"), last);
		assertThat(counts.read).isEqualTo(RECORDS);
		if (last != Stage.READ) {
			assertThat(counts.read - counts.rejected).isEqualTo(PersonRegister.valid(RECORDS));
		}
	}

	/** The hub's classes over the file, each batch written by {@link FileOutbox} once {@code last} says so. */
	private void hub(Path file, Stage last) throws Exception {
		FileSystemUtils.deleteRecursively(this.home.resolve("outbox"));
		FileOutbox outbox = new FileOutbox(
				new ExchangeProperties(null, this.home.resolve("outbox"), null, null, BATCH, 2000, 8));
		RecordConverter converter = new RecordConverter(this.resource, ExchangeBenchmark.ZONE);
		Schema schema = converter.schema();
		Map<String, MaskingRule> plan = this.masking.plan(this.resource);
		long read = 0;
		long accepted = 0;
		List<Converted> batch = new ArrayList<>(BATCH);
		try (SourceFiles.RecordStream records = SourceFiles.open(file)) {
			while (records.hasNext()) {
				SourceRecord record = records.next();
				read++;
				Converted converted = last == Stage.READ ? null : converter.convert(record);
				if (converted == null || !converted.accepted()) {
					continue;
				}
				accepted++;
				batch.add(converted.encodedOnly());
				if (batch.size() == BATCH) {
					write(outbox, schema, plan, batch, accepted, last);
					batch = new ArrayList<>(BATCH);
				}
			}
		}
		write(outbox, schema, plan, batch, accepted, last);
		assertThat(read).isEqualTo(RECORDS);
		if (last != Stage.READ) {
			assertThat(accepted).isEqualTo(PersonRegister.valid(RECORDS));
		}
	}

	private void write(FileOutbox outbox, Schema schema, Map<String, MaskingRule> plan, List<Converted> batch,
			long accepted, Stage last) throws Exception {
		if (batch.isEmpty() || last.compareTo(Stage.PLAIN) < 0) {
			return;
		}
		String id = "stages-%09d".formatted(accepted);
		outbox.write(new TargetBatch(this.resource, schema, List.of(), Map.of(), batch, id), "file-outbox");
		if (last == Stage.MASKED) {
			outbox.write(new TargetBatch(this.resource, schema, List.of(), plan, batch, id), "masked");
		}
	}

	private static double time(Run run) throws Exception {
		long start = System.nanoTime();
		run.run();
		return (System.nanoTime() - start) / 1e9;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static String key(Path file, String side, Stage stage) {
		return ExchangeBenchmark.format(file) + "|" + side + "|" + stage;
	}

	@FunctionalInterface
	private interface Run {

		void run() throws Exception;

	}

}
