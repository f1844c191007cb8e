package cn.datahub.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.search.CatalogueIndex;
import cn.datahub.report.GroupBy;
import cn.datahub.report.Metric;
import cn.datahub.report.RateReport;
import cn.datahub.report.RateReports;
import cn.datahub.report.RateSnapshots;
import cn.datahub.report.Scope;
import cn.datahub.report.Scopes;
import cn.datahub.report.SnapshotRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rate reports over a million resources on this machine, printed, never asserted on time: each report from
 * the index's aggregations next to the same report recounted in H2 (and checked to give the same rows), and the
 * monthly snapshot counted from the history, as of a past month's end and as of today. The aim is under
 * a second a report. Run with {@code mvn -B -Pbench verify -Dtest=RateReportBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}, adding {@code -Dbench.report.resources=20000} for a quick run.
 * <p>
 * The index's shard request cache is cleared before each timed report and H2 does not reuse a previous result
 * ({@code OPTIMIZE_REUSE_RESULTS=FALSE}): in the hub the catalogue changes between two reports, which empties
 * both, so a cached answer is not what a user waits for.
 */
@Tag("bench")
@ActiveProfiles("test")
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:file:./target/bench/reports-${random.uuid};OPTIMIZE_REUSE_RESULTS=FALSE",
		"hub.reports.snapshot-check-ms=86400000" })
class RateReportBenchmark {

	private static final int RESOURCES = Integer.getInteger("bench.report.resources", 1_000_000);

	private static final int REPETITIONS = Integer.getInteger("bench.report.repetitions", 5);

	private static final List<Report> REPORTS = List.of(new Report(Metric.SHARING, GroupBy.DEPARTMENT),
			new Report(Metric.SHARING, GroupBy.REGION), new Report(Metric.SHARING, GroupBy.DOMAIN),
			new Report(Metric.OPENNESS, GroupBy.DEPARTMENT), new Report(Metric.COVERAGE, GroupBy.REGION));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ObjectMapper json;

	@Autowired
	ReferenceData reference;

	@Autowired
	Clock clock;

	@Autowired
	CatalogueIndex index;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	RateReports reports;

	@Autowired
	RateSnapshots snapshots;

	@Autowired
	Scopes scopes;

	@Test
	void rateReportsAtScale() throws Exception {
		long start = System.nanoTime();
		GeneratedHistory.Written written = new GeneratedHistory(this.jdbc, this.transaction, this.json, this.reference,
				this.clock.instant(), this.clock.getZone()).write(RESOURCES);
		double writeSeconds = seconds(start);
		start = System.nanoTime();
		CatalogueIndex.Reindexed reindexed = this.index.rebuild();
		double reindexSeconds = seconds(start);
		assertThat(reindexed.documents()).isEqualTo(RESOURCES);
		start = System.nanoTime();
		awaitMerges();
		double mergeSeconds = seconds(start);

		Scope all = this.scopes.of(null, null, null, null, null, true);
		YearMonth running = YearMonth.from(this.scopes.today());
		List<YearMonth> months = List.of(running.minusMonths(1), running);
		warmUp(all, months);
		List<Compared> compared = new ArrayList<>();
		for (Report report : REPORTS) {
			compared.add(compare(report, all));
		}
		List<Timed<SnapshotRun>> snapshots = new ArrayList<>();
		for (YearMonth month : months) {
			snapshots.add(time(() -> null, () -> this.snapshots.take(month)));
		}

		System.out.printf("%n=== Rate report benchmark: %d resources (%d history rows, %d departments in %d regions), "
				+ "%d cores, max heap %d MB ===%n", written.resources(), written.historyRows(), written.departments(),
				GeneratedHistory.REGIONS.size(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf("catalogue and history written with JDBC: %8.1f s%n", writeSeconds);
		System.out.printf("reindex from H2:                         %8.1f s  %6.0f docs/s%n", reindexSeconds,
				reindexed.documents() / reindexSeconds);
		System.out.printf("index merges settled after:              %8.1f s%n", mergeSeconds);
		print(compared, snapshots);
	}

	/** One untimed round over every report, from both sources, and every month, so no timed run pays for the JIT. */
	private void warmUp(Scope scope, List<YearMonth> months) {
		for (Report report : REPORTS) {
			this.reports.report(report.metric(), report.groupBy(), scope, false);
			this.reports.report(report.metric(), report.groupBy(), scope, true);
		}
		months.forEach(this.snapshots::take);
	}

	private static void print(List<Compared> compared, List<Timed<SnapshotRun>> snapshots) {
		System.out.printf("%-36s %9s %8s %11s %8s %6s%n", "seconds, " + REPETITIONS + " runs after a warm-up", "index min",
				"median", "H2 min", "median", "rows");
		for (Compared c : compared) {
			System.out.printf("%-36s %9.3f %8.3f %11.3f %8.3f %6d%n", c.name(), c.index().min(), c.index().median(),
					c.database().min(), c.database().median(), c.rows());
		}
		for (Timed<SnapshotRun> snapshot : snapshots) {
			SnapshotRun run = snapshot.answer();
			String name = "snapshot " + run.period() + " (as of " + run.asOf() + ")";
			System.out.printf("%-36s %18s %11.3f %8.3f %6d scopes%n", name, "", snapshot.min(), snapshot.median(),
					run.scopes());
		}
	}

	/** Times a report from the index and recounted in H2, and checks that both give the same figures and rows. */
	private Compared compare(Report report, Scope scope) throws Exception {
		Timed<RateReport> index = time(this::clearRequestCache,
				() -> this.reports.report(report.metric(), report.groupBy(), scope, false));
		Timed<RateReport> database = time(() -> null,
				() -> this.reports.report(report.metric(), report.groupBy(), scope, true));
		assertThat(index.answer().source()).isEqualTo("index");
		assertThat(database.answer().source()).isEqualTo("database");
		assertThat(index.answer()).usingRecursiveComparison().ignoringFields("source").isEqualTo(database.answer());
		assertThat(index.answer().total().denominator()).isPositive();
		return new Compared(report.metric().key() + " by " + report.groupBy().key(), index, database,
				index.answer().rows().size());
	}

	/** Waits until the new index merges no more segments: the reports are not timed against the bulk load's tail. */
	private void awaitMerges() {
		await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> this.elasticsearch.indices()
			.stats(s -> s.index(this.index.alias()).metric("merge")).all().total().merges().current() == 0);
	}

	private Void clearRequestCache() throws Exception {
		this.elasticsearch.indices().clearCache(c -> c.index(this.index.alias()).request(true));
		return null;
	}

	/** Runs {@code work} {@link #REPETITIONS} times, each after {@code before} (not timed). */
	private static <T> Timed<T> time(Callable<?> before, Callable<T> work) throws Exception {
		T answer = null;
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < REPETITIONS; i++) {
			before.call();
			long start = System.nanoTime();
			answer = work.call();
			nanos.add(System.nanoTime() - start);
		}
		nanos.sort(null);
		return new Timed<>(answer, nanos);
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	/** The last answer and the sorted times of the timed runs. */
	private record Timed<T>(T answer, List<Long> nanos) {

		double min() {
			return this.nanos.get(0) / 1e9;
		}

		double median() {
			return this.nanos.get(this.nanos.size() / 2) / 1e9;
		}

	}

	private record Report(Metric metric, GroupBy groupBy) {
	}

	private record Compared(String name, Timed<RateReport> index, Timed<RateReport> database, int rows) {
	}

}
