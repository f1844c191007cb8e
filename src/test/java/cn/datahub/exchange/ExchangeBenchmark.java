package cn.datahub.exchange;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.HubProcess;
import cn.datahub.testing.Usccs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exchange throughput on this machine, printed, never asserted on time: a generated 人社 person register
 * ({@link PersonRegister}, {@code -Dbench.exchange.records}, a million by default) dropped as JSON lines and as CSV
 * into the inbox of a hub running as a process of its own, with {@code -Xmx256m} so that a file many times its heap
 * must stream ({@code -Dbench.exchange.hub-heap} for another) and the collector the README runs it with
 * ({@code -Dbench.exchange.hub-collector}); the hub validates and masks the records and writes them as Avro to its
 * file outbox and to a masked FILE target, and the JSON-lines file, for another resource, to the file outbox and
 * over HTTP to a {@link CountingPlatform}. The {@link HandWrittenLoop} runs over the same file in this
 * JVM, on one thread, just before and just after each of those runs of the hub: the hub's figure is its ratio to the
 * loop's mean. The counts are asserted: every valid record arrives once at every target, every invalid one is
 * dead-lettered.
 * <p>
 * It lives in the exchange's package, not in {@code cn.datahub.bench}, because the loop uses the hub's own
 * package-private {@link RecordConverter} and {@link Masking}. Run with {@code mvn -B -o -Pbench verify
 * -Dtest=ExchangeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, adding {@code -Dbench.exchange.records=100000}
 * for a quick run and {@code -Dbench.exchange.hub-options="-XX:StartFlightRecording=filename=hub.jfr"} to profile
 * the hub (the recording is written when the hub stops, in the module's folder); under {@code taskset -c 0} the loop
 * and the hub run on one core.
 */
@Tag("bench")
class ExchangeBenchmark {

	private static final long RECORDS = Long.getLong("bench.exchange.records", 1_000_000);

	/** The heap that a file many times its size must stream through; {@code -Dbench.exchange.hub-heap} for another. */
	private static final String HUB_HEAP = System.getProperty("bench.exchange.hub-heap", "-Xmx256m");

	/** The collector the README has the hub run with; {@code -XX:+UseG1GC} for the JVM's default on a server. */
	private static final String HUB_COLLECTOR = System.getProperty("bench.exchange.hub-collector",
			"-XX:+UseParallelGC");

	/** The hub's default zone ({@code hub.zone}), which dates are read in. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final String PROVIDER = Usccs.withCheckCharacter("11371525MB2860455");

	private static final String JSON_CODE = "371525-RSJ-0101";

	private static final String CSV_CODE = "371525-RSJ-0102";

	private static final String HTTP_CODE = "371525-RSJ-0103";

	/**
	 * The files the hub is warmed up with, each to a resource of its own ({@link #warmCode}) on every target:
	 * {@code -Dbench.exchange.warm-up-files}.
	 */
	private static final int WARM_UP_FILES = Integer.getInteger("bench.exchange.warm-up-files", 8);

	private static final String MASKED_TARGET = "bench-masked";

	private static final String PLATFORM_TARGET = "bench-platform";

	private final Path home = Path.of("target/bench/exchange-" + UUID.randomUUID()).toAbsolutePath();

	/** Copies made so far, which numbers each. */
	private int copies;

	@Test
	void exchangeThroughput() throws Exception {
		Path files = Files.createDirectories(this.home.resolve("files"));
		Path jsonLines = files.resolve("参保人员登记信息.jsonl");
		Path csv = files.resolve("参保人员登记信息.csv");
		long start = System.nanoTime();
		new PersonRegister(20261123).writeJsonLines(jsonLines, RECORDS);
		double jsonSeconds = seconds(start);
		start = System.nanoTime();
		new PersonRegister(20261124).writeCsv(csv, RECORDS);
		double csvSeconds = seconds(start);
		System.out.printf("%n=== Exchange benchmark: %,d records a file, hub %s, %d cores ===%n", RECORDS,
				String.join(" ", hubOptions()), Runtime.getRuntime().availableProcessors());
		System.out.printf("generated: JSON lines %.1f MB in %.1f s, CSV %.1f MB in %.1f s%n", mb(jsonLines), jsonSeconds,
				mb(csv), csvSeconds);

		// the copies the hub is given, made long before they are dropped: the system writing them to disk
		// must not fall into a timed run
		List<Path> drops = List.of(copy(jsonLines), copy(jsonLines), copy(csv), copy(jsonLines));
		Masking masking = masking();
		try (CountingPlatform platform = new CountingPlatform();
				HubProcess hub = HubProcess.start(this.home, hubOptions(), Map.of("hub.exchange.poll-ms", "200"))) {
			register(hub, platform);
			printHeader();
			warmUp(hub, masking, files);
			platform.reset();
			List<String> ratios = new ArrayList<>();
			try {
				long valid = PersonRegister.valid(RECORDS);
				Row jsonLoop = print(loop(masking, JSON_CODE, jsonLines));
				Row json = print(drop(hub, JSON_CODE, drops.get(0), "outbox + masked FILE", valid));
				assertArrived(hub, JSON_CODE, true, 1);
				Row jsonLoopAfter = print(loop(masking, JSON_CODE, jsonLines));
				ratios.add(ratio(json, jsonLoop, jsonLoopAfter));
				Row http = print(drop(hub, HTTP_CODE, drops.get(1), "outbox + HTTP (masked)", valid));
				assertArrived(hub, HTTP_CODE, false, 1);
				ratios.add(ratio(http, jsonLoopAfter, print(loop(masking, JSON_CODE, jsonLines))));
				Row csvLoop = print(loop(masking, CSV_CODE, csv));
				Row csvHub = print(drop(hub, CSV_CODE, drops.get(2), "outbox + masked FILE", valid));
				assertArrived(hub, CSV_CODE, true, 1);
				ratios.add(ratio(csvHub, csvLoop, print(loop(masking, CSV_CODE, csv))));
				print(drop(hub, JSON_CODE, drops.get(3), "all delivered before", 0));
				assertArrived(hub, JSON_CODE, true, 2);
				assertThat(platform.records()).as("records the platform took").isEqualTo(valid);
				System.out.printf("the HTTP platform took %d records in %d batches, %.1f MB of JSON%n", platform.records(),
						platform.batches(), platform.bytes() / 1e6);
				System.out.printf("%nthe hub against the hand-written loop, timed just before and just after it:%n");
				ratios.forEach(System.out::println);
			}
			finally {
				hub.stop();
			}
		}
		// some 8 GB of files, outboxes and database; a failed run keeps them for a look
		FileSystemUtils.deleteRecursively(this.home);
	}

	private List<String> hubOptions() {
		List<String> options = new ArrayList<>(List.of(HUB_HEAP, HUB_COLLECTOR));
		String extra = System.getProperty("bench.exchange.hub-options", "");
		if (!extra.isBlank()) {
			options.addAll(List.of(extra.trim().split("\\s+")));
		}
		return options;
	}

	private void register(HubProcess hub, CountingPlatform platform) throws Exception {
		hub.create("/api/departments", """
				{"code":"%s","name":"冠县人力资源和社会保障局","regionCode":"371525","level":"COUNTY"}""".formatted(PROVIDER));
		List<String> warmCodes = IntStream.range(0, WARM_UP_FILES).mapToObj(ExchangeBenchmark::warmCode).toList();
		for (String code : Stream.concat(Stream.of(JSON_CODE, CSV_CODE, HTTP_CODE), warmCodes.stream()).toList()) {
			hub.create("/api/resources", PersonRegister.resourceJson(code, PROVIDER));
		}
		hub.create("/api/exchange/targets", """
				{"name":"%s","nameZh":"冠县人社脱敏数据交换目录","kind":"FILE","masked":true,"resources":%s}"""
			.formatted(MASKED_TARGET, jsonArray(Stream.concat(Stream.of(JSON_CODE, CSV_CODE), warmCodes.stream()))));
		hub.create("/api/exchange/targets", """
				{"name":"%s","nameZh":"聊城市人社数据共享平台（模拟）","kind":"HTTP","url":"%s","resources":%s}"""
			.formatted(PLATFORM_TARGET, platform.url(), jsonArray(Stream.concat(Stream.of(HTTP_CODE), warmCodes.stream()))));
	}

	/**
	 * Runs the loop over a JSON-lines and a CSV file of the same size first, untimed, and the hub over
	 * {@link #WARM_UP_FILES} copies of them, each to every kind of target: the figures are those of a hub that has
	 * been running, as a hub does for months, not of its first thousands of batches. Code run once a batch (the
	 * database's, transactions', routes') is compiled by C2 only after some thousands of calls: after three warm-up
	 * files the JIT compilers still took 4 of the first timed run's 35 CPU seconds on one core. Each copy goes to
	 * a resource of its own, so that its records are new to the idempotent repository and are delivered, not
	 * skipped.
	 */
	private void warmUp(HubProcess hub, Masking masking, Path files) throws Exception {
		List<Path> warmUp = List.of(files.resolve("预热.jsonl"), files.resolve("预热.csv"));
		new PersonRegister(20261121).writeJsonLines(warmUp.get(0), RECORDS);
		new PersonRegister(20261122).writeCsv(warmUp.get(1), RECORDS);
		for (Path file : warmUp) {
			new HandWrittenLoop(PersonRegister.resource(warmCode(0), PROVIDER), masking, ZONE).run(file,
					this.home.resolve("loop").resolve("warm-up"));
		}
		for (int i = 0; i < WARM_UP_FILES; i++) {
			print(drop(hub, warmCode(i), copy(warmUp.get(i % 2)), "every target (warm-up " + (i + 1) + ")",
					PersonRegister.valid(RECORDS)));
		}
		System.out.printf("warmed up: the loop ran a JSON-lines and a CSV file of %,d records, the hub %d copies of them%n",
				RECORDS, WARM_UP_FILES);
	}

	/** The resource of the {@code i}th warm-up file. */
	private static String warmCode(int i) {
		return "371525-RSJ-%04d".formatted(200 + i);
	}

	private static String jsonArray(Stream<String> codes) {
		return codes.map(code -> '"' + code + '"').collect(Collectors.joining(",", "[", "]"));
	}

	/** The hand-written loop over the file, on this thread. */
	private Row loop(Masking masking, String code, Path file) throws Exception {
		HandWrittenLoop loop = new HandWrittenLoop(PersonRegister.resource(code, PROVIDER), masking, ZONE);
		long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		long start = System.nanoTime();
		HandWrittenLoop.Counts counts = loop.run(file, this.home.resolve("loop").resolve(code));
		double seconds = seconds(start);
		double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
		assertThat(counts.read).isEqualTo(RECORDS);
		assertThat(counts.read - counts.rejected).isEqualTo(PersonRegister.valid(RECORDS));
		return new Row("hand-written loop, " + format(file), counts.read, mb(file), seconds, seconds, cpuSeconds, 0);
	}

	/** A copy of the file under a name of its own, so that each drop is another source; the file stays for the loop. */
	private Path copy(Path file) throws IOException {
		return Files.copy(file, file.resolveSibling(++this.copies + "-" + file.getFileName()));
	}

	/**
	 * Moves the file (a {@link #copy}) into the resource's inbox whole and waits until the hub moved it to
	 * {@code done/}; its time is the runs' in the exchange log (first start to last end), the wait for the inbox's
	 * next poll left out. Each run must have delivered {@code out} records.
	 */
	private Row drop(HubProcess hub, String code, Path copy, String targets, long out) throws Exception {
		Path inbox = this.home.resolve("inbox").resolve(code);
		Path done = inbox.resolve("done").resolve(copy.getFileName());
		Path failed = inbox.resolve("failed").resolve(copy.getFileName());
		Duration cpuBefore = ProcessHandle.of(hub.pid()).orElseThrow().info().totalCpuDuration().orElse(Duration.ZERO);
		double compiledBefore = compileSeconds(hub);
		long start = System.nanoTime();
		Files.move(copy, inbox.resolve(copy.getFileName()), StandardCopyOption.ATOMIC_MOVE);
		await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(100))
			.until(() -> Files.exists(done) || Files.exists(failed));
		double wall = seconds(start);
		Duration cpu = ProcessHandle.of(hub.pid()).orElseThrow().info().totalCpuDuration().orElse(Duration.ZERO)
			.minus(cpuBefore);
		assertThat(done).as("the file went through (see %s)", this.home.resolve("hub.log")).exists();
		JsonNode runs = hub.getJson("/api/exchange/runs?resourceCode=" + code + "&size=100").path("items");
		Instant first = Instant.MAX;
		Instant last = Instant.MIN;
		for (JsonNode run : runs) {
			if (!run.path("source").asText().equals("file:" + copy.getFileName())) {
				continue;
			}
			assertThat(run.path("status").asText()).as("run %s", run).isEqualTo("SUCCEEDED");
			assertThat(run.path("recordsOut").asLong()).as("run %s", run).isEqualTo(out);
			Instant started = Instant.parse(run.path("startedAt").asText());
			Instant ended = Instant.parse(run.path("endedAt").asText());
			first = started.isBefore(first) ? started : first;
			last = ended.isAfter(last) ? ended : last;
		}
		assertThat(first).as("runs of %s", copy.getFileName()).isNotEqualTo(Instant.MAX);
		double seconds = Duration.between(first, last).toNanos() / 1e9;
		return new Row("hub, " + format(copy) + " → " + targets, RECORDS, mb(done), seconds, wall, cpu.toNanos() / 1e9,
				compileSeconds(hub) - compiledBefore);
	}

	/**
	 * The time the hub's JIT compilers took so far ({@code jvm.compilation.time}, summed over their threads): in a
	 * timed run, what its warm-up left to compile.
	 */
	private static double compileSeconds(HubProcess hub) throws Exception {
		JsonNode metric = hub.getJson("/actuator/metrics/jvm.compilation.time");
		assertThat(metric.path("baseUnit").asText()).isEqualTo("ms");
		return metric.path("measurements").path(0).path("value").asDouble() / 1000;
	}

	/**
	 * Every valid record once in the file outbox (and masked in the masked target), every invalid one dead-lettered
	 * once for each of the {@code files} read (a file read again is another source).
	 */
	private void assertArrived(HubProcess hub, String code, boolean masked, int files) throws Exception {
		Path outbox = this.home.resolve("outbox");
		Set<String> ids = new HashSet<>();
		AtomicLong delivered = new AtomicLong();
		new Outbox(outbox.resolve(ExchangeTargets.FILE_OUTBOX)).forEach(code, r -> {
			delivered.incrementAndGet();
			ids.add(r.get("sfzh").toString());
		});
		long valid = PersonRegister.valid(RECORDS);
		assertThat(delivered.get()).as("records in the file outbox").isEqualTo(valid);
		assertThat(ids).as("distinct 公民身份号码 in the file outbox").hasSize((int) valid);
		if (masked) {
			AtomicLong maskedCount = new AtomicLong();
			new Outbox(outbox.resolve(MASKED_TARGET)).forEach(code, r -> {
				if (maskedCount.getAndIncrement() == 0) {
					assertThat(r.get("sfzh").toString()).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
				}
			});
			assertThat(maskedCount.get()).as("records in the masked target").isEqualTo(valid);
		}
		assertThat(hub.getJson("/api/exchange/dead-letters?resourceCode=" + code).path("total").asLong())
			.as("dead letters").isEqualTo(files * (RECORDS - valid));
	}

	private static void printHeader() {
		System.out.printf("%-44s %9s %7s %7s %9s %10s %6s %6s %6s%n", "", "records", "MB", "s", "drop→done",
				"records/s", "MB/s", "cores", "JIT s");
	}

	/** Prints the line at once, so that a run stopped half-way still shows what it measured. */
	private static Row print(Row row) {
		System.out.printf("%-44s %9d %7.1f %7.1f %9.1f %10.0f %6.1f %6.2f %6s%n", row.name(), row.records(), row.mb(),
				row.seconds(), row.wall(), row.records() / row.seconds(), row.mb() / row.seconds(),
				row.cpuSeconds() / row.seconds(), row.name().startsWith("hub") ? "%.1f".formatted(row.compiling()) : "");
		return row;
	}

	/**
	 * The hub's run against the loop over the same file, printed at once: the loop's speed is the mean of its runs
	 * just before and just after the hub's, since this machine's speed drifts by a tenth and more from one minute to
	 * the next, and one run of the loop on either side would carry that drift into the ratio.
	 */
	private static String ratio(Row hub, Row before, Row after) {
		double loop = (before.seconds() + after.seconds()) / 2;
		String line = "%-44s %.1f s against the loop's %.1f s (%.1f s before, %.1f s after): %.2f×".formatted(hub.name(),
				hub.seconds(), loop, before.seconds(), after.seconds(), loop / hub.seconds());
		System.out.println(line);
		return line;
	}

	/** The masking the hub runs with by default: the rules of {@code config/masking.yaml}. */
	static Masking masking() {
		return new Masking(new DefaultResourceLoader(),
				new ExchangeProperties(null, null, null, "classpath:config/masking.yaml", 1000, 2000, 8));
	}

	static String format(Path file) {
		return file.toString().endsWith(".csv") ? "CSV" : "JSON lines";
	}

	private static double mb(Path file) throws IOException {
		return Files.size(file) / 1e6;
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	/** One line of the table; {@code compiling}: the hub's JIT compilers' seconds in it. */
	private record Row(String name, long records, double mb, double seconds, double wall, double cpuSeconds,
			double compiling) {
	}

}
