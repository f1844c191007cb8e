package cn.datahub.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import cn.datahub.exchange.Deliveries.Pending;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotent repository on H2 with the real migrations: 冠县人社局's person register (参保人员登记信息) confirmed by
 * the file outbox and the city platform, batch by batch, and what a hub upgraded from before V10 or V14 had
 * confirmed.
 */
class DeliveriesTests {

	private static final String REGISTER = "371525-RSJ-0101";

	private static final String OUTBOX = "outbox";

	private static final String CITY = "lc-city-platform";

	private static final Person ZHANG = person("371525198703152416", "张建国");

	private static final Person LI = person("37152519920608102X", "李秀英");

	private static final Person WANG = person("371525200011230537", "王志强");

	private final JdbcDataSource database = MigratedDatabase.create("deliveries");

	private final NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(this.database);

	@TempDir
	static Path versions;

	private final ExchangeProperties properties = new ExchangeProperties(null, null, versions,
			"classpath:config/masking.yaml", 1000, 2000, 1);

	private final VersionRuns runs = new VersionRuns(this.jdbc.getJdbcTemplate(), this.properties);

	private final KnownVersions known = new KnownVersions(this.properties, this.jdbc.getJdbcTemplate(), this.runs);

	private final Deliveries deliveries = new Deliveries(this.jdbc,
			Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai")), this.known, this.runs);

	@Test
	void aBatchConfirmedByBothTargetsIsDeliveredToBoth() {
		migrate(null);
		Pending batch = new Pending(REGISTER, "参保人员登记信息-3f2a-000001", fingerprints(ZHANG, LI));

		this.deliveries.confirm(batch, OUTBOX);
		this.deliveries.confirm(batch, CITY);

		assertThat(this.deliveries.delivered(REGISTER, fingerprints(ZHANG, LI, WANG))).containsOnlyKeys(OUTBOX, CITY)
			.allSatisfy((target, done) -> assertThat(done).containsOnly(ZHANG.fingerprint(), LI.fingerprint()));
		assertThat(versions()).as("a record version is recorded once, whatever the targets").isEqualTo(2);
	}

	@Test
	void aTargetThatFailedGetsTheBatchAgainAndTheOtherDoesNot() {
		migrate(null);
		this.deliveries.confirm(new Pending(REGISTER, "参保人员登记信息-3f2a-000001", fingerprints(ZHANG, LI)), OUTBOX);

		assertThat(this.deliveries.delivered(REGISTER, fingerprints(ZHANG, LI))).containsOnlyKeys(OUTBOX);

		this.deliveries.confirm(new Pending(REGISTER, "参保人员登记信息-3f2a-000001", fingerprints(ZHANG, LI)), CITY);

		assertThat(this.deliveries.delivered(REGISTER, fingerprints(ZHANG, LI))).containsOnlyKeys(OUTBOX, CITY)
			.allSatisfy((target, done) -> assertThat(done).containsOnly(ZHANG.fingerprint(), LI.fingerprint()));
	}

	@Test
	void theSameRecordOfAnotherResourceIsNotDelivered() {
		migrate(null);
		this.deliveries.confirm(new Pending(REGISTER, "参保人员登记信息-3f2a-000001", fingerprints(ZHANG)), OUTBOX);

		assertThat(this.deliveries.delivered("371525-RSJ-0103", fingerprints(ZHANG))).isEmpty();
	}

	@Test
	void whatTargetsConfirmedBeforeTheUpgradeStaysDelivered() {
		migrate("9");
		insertOldDelivery(OUTBOX, ZHANG, "2026-11-20 09:00:00+08");
		insertOldDelivery(CITY, ZHANG, "2026-11-20 09:00:01+08");
		insertOldDelivery(OUTBOX, LI, "2026-11-21 09:00:00+08");

		migrate(null);

		assertThat(this.deliveries.delivered(REGISTER, fingerprints(ZHANG, LI, WANG)))
			.containsEntry(OUTBOX, Set.of(ZHANG.fingerprint(), LI.fingerprint()))
			.containsEntry(CITY, Set.of(ZHANG.fingerprint()))
			.hasSize(2);
		assertThat(versions()).isEqualTo(2);
	}

	@Test
	void aVersionNeverRecordedIsKnownNotToBeWithoutALookUp() {
		migrate(null);
		this.deliveries.confirm(new Pending(REGISTER, "参保人员登记信息-3f2a-000001", fingerprints(ZHANG)), OUTBOX);

		assertThat(this.known.mayHold(REGISTER, head(ZHANG))).isTrue();
		assertThat(this.known.mayHold(REGISTER, head(WANG))).isFalse();
		assertThat(this.known.mayHold("371525-RSJ-0103", head(ZHANG))).as("the same person in another resource")
			.isFalse();
	}

	@Test
	void versionsThatShareTheHeadOfTheirFingerprintAreToldApart() {
		migrate(null);
		Person twin = new Person(ZHANG.key(), new Fingerprint(ZHANG.fingerprint().head(), 0, 0, 0));
		this.deliveries.confirm(new Pending(REGISTER, "参保人员登记信息-3f2a-000001", fingerprints(ZHANG)), OUTBOX);

		assertThat(this.deliveries.delivered(REGISTER, fingerprints(ZHANG, twin)))
			.containsEntry(OUTBOX, Set.of(ZHANG.fingerprint()));
		this.deliveries.confirm(new Pending(REGISTER, "参保人员登记信息-3f2a-000002", fingerprints(twin)), OUTBOX);
		assertThat(this.deliveries.delivered(REGISTER, fingerprints(ZHANG, twin)))
			.containsEntry(OUTBOX, Set.of(ZHANG.fingerprint(), twin.fingerprint()));
	}

	@Test
	void whatTargetsConfirmedBeforeV14StaysDelivered() {
		migrate("13");
		insertConfirmedBatch("参保人员登记信息-3f2a-000001", CITY, "2026-11-22 09:00:00+08");
		for (Person record : List.of(ZHANG, LI)) {
			this.jdbc.getJdbcTemplate().update("insert into exchange_record (batch_id, fingerprint, record_key) values (7, ?, ?)",
					record.fingerprint().bytes(), record.key());
		}

		migrate(null);

		assertThat(this.deliveries.delivered(REGISTER, fingerprints(ZHANG, LI, WANG)))
			.containsOnlyKeys(CITY)
			.containsEntry(CITY, Set.of(ZHANG.fingerprint(), LI.fingerprint()));
	}

	@Test
	void aLargeRepositoryFromBeforeV15IsMovedWholeIntoOneRun() {
		migrate("14");
		insertConfirmedBatch("参保人员登记信息-全量-20261101", OUTBOX, "2026-11-01 09:00:00+08");
		List<Person> register = IntStream.range(0, 45_000)
			.mapToObj(i -> person(String.format("3715251990%08d", i), "参保人" + i))
			.toList();
		this.jdbc.getJdbcTemplate()
			.batchUpdate("insert into exchange_record (batch_id, fingerprint_head, fingerprint, record_key) "
					+ "values (7, ?, ?, ?)", register, 1000, (statement, record) -> {
						statement.setLong(1, head(record));
						statement.setBytes(2, record.fingerprint().bytes());
						statement.setString(3, record.key());
					});

		migrate(null);

		assertThat(versions()).isEqualTo(45_000);
		assertThat(this.deliveries.delivered(REGISTER, fingerprints(register.toArray(Person[]::new))).get(OUTBOX))
			.as("every version read in one of three ranges of heads, none lost at their edges")
			.hasSize(45_000);
		assertThat(this.deliveries.delivered(REGISTER, fingerprints(WANG))).isEmpty();
	}

	/** Migrates to {@code version}, or to the latest and starts as the hub does, reading what is recorded. */
	private void migrate(String version) {
		MigratedDatabase.migrate(this.database, version);
		if (version == null) {
			this.known.load();
		}
	}

	/** Batch 7 of the register, confirmed by {@code target}, as a hub before V15 wrote it. */
	private void insertConfirmedBatch(String name, String target, String at) {
		this.jdbc.getJdbcTemplate()
			.update("insert into exchange_batch (id, resource_code, name) values (7, ?, ?)", REGISTER, name);
		this.jdbc.getJdbcTemplate()
			.update("insert into exchange_confirmation (batch_id, target, confirmed_at) "
					+ "values (7, ?, cast(? as timestamp with time zone))", target, at);
	}

	private void insertOldDelivery(String target, Person record, String at) {
		this.jdbc.getJdbcTemplate()
			.update("insert into exchange_delivery (target, resource_code, record_key, fingerprint, delivered_at) "
					+ "values (?, ?, ?, ?, cast(? as timestamp with time zone))", target, REGISTER, record.key(),
					record.fingerprint().toString(), at);
	}

	private long versions() {
		return this.jdbc.getJdbcTemplate()
			.queryForObject("select coalesce(sum(entries), 0) from exchange_version_run where live", Long.class);
	}

	private static long head(Person record) {
		return record.fingerprint().head();
	}

	/** A person's register entry as the idempotent repository knows it: its key and fingerprint. */
	private record Person(String key, Fingerprint fingerprint) {
	}

	private static List<Fingerprint> fingerprints(Person... records) {
		return List.of(records).stream().map(Person::fingerprint).toList();
	}

	/** A person keyed by 公民身份号码, fingerprinted as the converter does: SHA-256, in hex. */
	private static Person person(String sfzh, String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((sfzh + "|" + name).getBytes(StandardCharsets.UTF_8));
			return new Person(sfzh, Fingerprint.of(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
