package cn.datahub.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.Resource;
import cn.datahub.system.HubProperties;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipeline on H2 with the real migrations, two records a batch: 冠县市场监管局's 个体工商户 register read while
 * the batches before are still being delivered, with the same 个体工商户 again in the next batch and further on, to
 * targets that take their time or fail.
 */
class ExchangePipelineTests {

	private static final Resource REGISTER = new Resource("371525-SCJ-0002", "个体工商户登记信息", "11371525MB2860422X", null,
			"MARKET_REGULATION", null, null, null, null, null, null, null,
			List.of(new DataItem("tyshxydm", "统一社会信用代码", "string", true), new DataItem("ztmc", "主体名称", "string", true),
					new DataItem("jyzxm", "经营者姓名", "string", false)),
			null, 1, null);

	private static final Map<String, Object> QINGQUAN = Map.of("tyshxydm", "92371525MA3MXGRR56", "ztmc", "冠县清泉便民超市",
			"jyzxm", "张秀兰");

	private static final Map<String, Object> LIULIN = Map.of("tyshxydm", "92371525MA3N1PKX2B", "ztmc", "冠县柳林镇益民农资店",
			"jyzxm", "李国栋");

	private static final Map<String, Object> FANZHAI = Map.of("tyshxydm", "92371525MA3P5UW57K", "ztmc", "冠县范寨镇鑫源五金店",
			"jyzxm", "王建军");

	private static final Map<String, Object> YANZHUANG = Map.of("tyshxydm", "92371525MA3R0KQE2B", "ztmc", "冠县烟庄街道福临门饭店",
			"jyzxm", "赵立新");

	private static final Map<String, Object> DINGYUAN = Map.of("tyshxydm", "92371525MA3T7HDL4K", "ztmc", "冠县定远寨镇兴旺养殖场",
			"jyzxm", "刘桂芳");

	private static final Map<String, Object> DONGGUCHENG = Map.of("tyshxydm", "92371525MA3W2FCN8C", "ztmc", "冠县东古城镇惠民药店",
			"jyzxm", "孙红梅");

	private final JdbcDataSource database = MigratedDatabase.create("pipeline");

	private final NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(this.database);

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	/** Counts down as the batches are looked up in the idempotent repository. */
	private final CountDownLatch lookups = new CountDownLatch(2);

	@TempDir
	static Path versions;

	private final ExchangeProperties properties = new ExchangeProperties(null, null, versions,
			"file:config/masking.yaml", 2, 2000, 1);

	private final VersionRuns runs = new VersionRuns(this.jdbc.getJdbcTemplate(), this.properties);

	private final Deliveries deliveries = new Deliveries(this.jdbc, this.clock,
			new KnownVersions(this.properties, this.jdbc.getJdbcTemplate(), this.runs), this.runs) {

		@Override
		Map<String, Set<Fingerprint>> delivered(String resourceCode, Collection<Fingerprint> fingerprints) {
			Map<String, Set<Fingerprint>> delivered = super.delivered(resourceCode, fingerprints);
			ExchangePipelineTests.this.lookups.countDown();
			return delivered;
		}

	};

	@Test
	void aRecordVersionInTheBatchStillBeingDeliveredIsNotDeliveredAgainByTheNext() throws Exception {
		SlowFirstBatch platform = new SlowFirstBatch();

		Map<String, ExchangePipeline.Counts> counts = pipeline().run(REGISTER, "file:个体工商户-20261206.csv",
				"个体工商户-20261206-1a2b", records(QINGQUAN, LIULIN, LIULIN, FANZHAI, QINGQUAN, YANZHUANG), List.of(platform));

		assertThat(platform.lookedUpWhileDelivering).as("the next batch looked up before the first was confirmed").isTrue();
		assertThat(platform.received).containsExactly("冠县清泉便民超市", "冠县柳林镇益民农资店", "冠县范寨镇鑫源五金店", "冠县烟庄街道福临门饭店");
		assertThat(counts.get(platform.name()).in).isEqualTo(6);
		assertThat(counts.get(platform.name()).out).isEqualTo(4);
		assertThat(this.jdbc.getJdbcTemplate().queryForObject("select sum(entries) from exchange_version_run", Long.class))
			.as("each version recorded once").isEqualTo(4);
	}

	@Test
	void everyTargetIsSentTheBatchAtOnce() throws Exception {
		CountDownLatch sending = new CountDownLatch(2);
		Receiving outbox = new Receiving("file-outbox", batch -> sending.countDown());
		Receiving platform = new Receiving("lc-city-platform", batch -> sending.countDown());
		List<Boolean> together = new ArrayList<>();
		Receiving waiting = new Receiving("sd-province-platform", batch -> {
			sending.countDown();
			together.add(await(sending));
		});

		pipeline().run(REGISTER, "file:个体工商户-20261206.csv", "个体工商户-20261206-1a2b", records(QINGQUAN, LIULIN),
				List.of(waiting, outbox, platform));

		assertThat(together).as("the province platform sent while the others were").containsExactly(true);
		assertThat(outbox.received).containsExactly("冠县清泉便民超市", "冠县柳林镇益民农资店");
	}

	@Test
	void aTargetIsSentTheNextBatchWhileAnotherIsStillOnTheOneBefore() throws Exception {
		CountDownLatch secondAtOutbox = new CountDownLatch(1);
		Receiving outbox = new Receiving("file-outbox", batch -> {
			if (batch.batchId().endsWith("-000002")) {
				secondAtOutbox.countDown();
			}
		});
		List<Boolean> overtaken = new ArrayList<>();
		Receiving province = new Receiving("sd-province-platform", batch -> {
			if (batch.batchId().endsWith("-000001")) {
				overtaken.add(await(secondAtOutbox));
			}
		});

		pipeline().run(REGISTER, "file:个体工商户-20261206.csv", "个体工商户-20261206-1a2b",
				records(QINGQUAN, LIULIN, FANZHAI, YANZHUANG), List.of(province, outbox));

		assertThat(overtaken).as("the outbox took the second batch while the province still had the first").containsExactly(true);
		assertThat(province.received).containsExactly("冠县清泉便民超市", "冠县柳林镇益民农资店", "冠县范寨镇鑫源五金店", "冠县烟庄街道福临门饭店");
	}

	@Test
	void aTargetThatFailsIsSentNothingMoreKeepsNoOtherFromItsBatchesAndIsLaterSentOnlyWhatItMissed() throws Exception {
		Receiving outbox = new Receiving("file-outbox", batch -> {
		});
		List<Integer> failures = new ArrayList<>(List.of(503));
		Receiving platform = new Receiving("lc-city-platform", batch -> {
			if (batch.batchId().endsWith("-000002") && !failures.isEmpty()) {
				throw new IOException("lc-city-platform answered " + failures.remove(0));
			}
		});
		ExchangePipeline pipeline = pipeline();

		assertThatThrownBy(() -> pipeline.run(REGISTER, "file:个体工商户-20261206.csv", "个体工商户-20261206-1a2b",
				records(QINGQUAN, LIULIN, FANZHAI, YANZHUANG, DINGYUAN, DONGGUCHENG), List.of(platform, outbox)))
			.isInstanceOf(IOException.class)
			.hasMessageContaining("answered 503");
		assertThat(outbox.received).as("the outbox took the failed batch, and maybe the one handed over after it")
			.startsWith("冠县清泉便民超市", "冠县柳林镇益民农资店", "冠县范寨镇鑫源五金店", "冠县烟庄街道福临门饭店");
		assertThat(platform.received).as("nothing after the batch that failed").containsExactly("冠县清泉便民超市", "冠县柳林镇益民农资店");

		pipeline.run(REGISTER, "file:个体工商户-20261206.csv", "个体工商户-20261206-1a2b",
				records(QINGQUAN, LIULIN, FANZHAI, YANZHUANG, DINGYUAN, DONGGUCHENG), List.of(platform, outbox));

		List<String> all = List.of("冠县清泉便民超市", "冠县柳林镇益民农资店", "冠县范寨镇鑫源五金店", "冠县烟庄街道福临门饭店", "冠县定远寨镇兴旺养殖场",
				"冠县东古城镇惠民药店");
		assertThat(outbox.received).containsExactlyElementsOf(all);
		assertThat(platform.received).containsExactlyElementsOf(all);
	}

	@Test
	void aRunWhoseTargetsAllTakeEncodingsKeepsOnlyTheEncodingsAndMasksFromThem() throws Exception {
		Appending outbox = new Appending("file-outbox", false);
		Appending masked = new Appending("gx-rsj-masked", true);

		pipeline().run(REGISTER, "file:个体工商户-20261206.csv", "个体工商户-20261206-1a2b", records(QINGQUAN, LIULIN, FANZHAI),
				List.of(outbox, masked));

		assertThat(outbox.operators).containsExactly("张秀兰", "李国栋", "王建军");
		assertThat(masked.operators).containsExactly("张**", "李**", "王**");
		assertThat(masked.recordsKept).as("records kept in the batches").containsOnly(false);
	}

	@Test
	void aRunWithATargetThatReadsRecordsKeepsThemForIt() throws Exception {
		Appending masked = new Appending("gx-rsj-masked", true);
		Receiving platform = new Receiving("lc-city-platform", batch -> {
		});

		pipeline().run(REGISTER, "file:个体工商户-20261206.csv", "个体工商户-20261206-1a2b", records(QINGQUAN, LIULIN, FANZHAI),
				List.of(masked, platform));

		assertThat(masked.operators).containsExactly("张**", "李**", "王**");
		assertThat(platform.received).containsExactly("冠县清泉便民超市", "冠县柳林镇益民农资店", "冠县范寨镇鑫源五金店");
	}

	private static boolean await(CountDownLatch latch) throws IOException {
		try {
			return latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private ExchangePipeline pipeline() {
		MigratedDatabase.migrate(this.database, null);
		HubProperties hub = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("hub",
				HubProperties.class);
		return new ExchangePipeline(new ExchangeRuns(this.jdbc, this.clock), new DeadLetters(this.jdbc, this.clock),
				this.deliveries, new Masking(new DefaultResourceLoader(), this.properties), this.properties, hub);
	}

	@SafeVarargs
	private static Iterator<SourceRecord> records(Map<String, Object>... rows) {
		List<SourceRecord> records = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			records.add(SourceRecord.ofValues(records.size() + 2, row));
		}
		return records.iterator();
	}

	/** A target by its name, masked or not. */
	private abstract static class Named implements Target {

		private final String name;

		private final boolean masked;

		Named(String name, boolean masked) {
			this.name = name;
			this.masked = masked;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public boolean masked() {
			return this.masked;
		}

	}

	/** A target that keeps the names of the records it took, after {@code taking} let it take them. */
	private static final class Receiving extends Named {

		private final Taking taking;

		private final List<String> received = new CopyOnWriteArrayList<>();

		Receiving(String name, Taking taking) {
			super(name, false);
			this.taking = taking;
		}

		@Override
		public void deliver(TargetBatch batch) throws IOException {
			this.taking.take(batch);
			batch.records().forEach(r -> this.received.add(r.get("ztmc").toString()));
		}

	}

	/**
	 * A target that, like a file outbox, appends the batch's encodings to an Avro container file, reads the file
	 * back and keeps the operators' names it holds; it notes whether the batch kept its records as well.
	 */
	private static final class Appending extends Named {

		private final List<String> operators = new CopyOnWriteArrayList<>();

		private final List<Boolean> recordsKept = new CopyOnWriteArrayList<>();

		Appending(String name, boolean masked) {
			super(name, masked);
		}

		@Override
		public boolean readsRecords() {
			return false;
		}

		@Override
		public void deliver(TargetBatch batch) throws IOException {
			ByteArrayOutputStream file = new ByteArrayOutputStream();
			try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>())) {
				writer.create(batch.schema(), file);
				batch.appendTo(writer);
			}
			try (DataFileStream<GenericRecord> records = new DataFileStream<>(
					new ByteArrayInputStream(file.toByteArray()), new GenericDatumReader<>())) {
				records.forEach(r -> this.operators.add(r.get("jyzxm").toString()));
			}
			this.recordsKept.add(!failsToList(batch));
		}

		private static boolean failsToList(TargetBatch batch) {
			try {
				batch.records();
				return false;
			}
			catch (NullPointerException ex) {
				return true;
			}
		}

	}

	@FunctionalInterface
	private interface Taking {

		void take(TargetBatch batch) throws IOException;

	}

	/** The city platform, which takes its time over the first batch: until the next one has been looked up. */
	private final class SlowFirstBatch implements Target {

		private final List<String> received = new ArrayList<>();

		private boolean lookedUpWhileDelivering;

		@Override
		public String name() {
			return "lc-city-platform";
		}

		@Override
		public boolean masked() {
			return true;
		}

		@Override
		public void deliver(TargetBatch batch) throws IOException {
			if (this.received.isEmpty()) {
				try {
					this.lookedUpWhileDelivering = ExchangePipelineTests.this.lookups.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException(ex);
				}
			}
			batch.records().forEach(r -> this.received.add(r.get("ztmc").toString()));
		}

	}

}
