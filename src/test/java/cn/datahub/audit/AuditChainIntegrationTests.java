package cn.datahub.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.datahub.security.Caller;
import cn.datahub.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain finds what was done to the table behind the hub's back: an entry's value altered, an entry altered
 * with its hash recomputed by the published rule, an entry removed from the middle or the end, and an entry forged
 * after the last, each reported at its sequence number; and appends racing each other still make a single chain.
 * Each test puts the table back as it found it, so the chain is intact again for the next.
 */
@AuditContext
class AuditChainIntegrationTests {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	@Autowired
	private AuditTrail trail;

	@Autowired
	private ChainCheck check;

	@Autowired
	private AuditChain chain;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@Test
	void aTrailOfChangesRefusalsAndLoginsVerifiesIntact() {
		publishRecorded();
		this.trail.refused("access.refused", "department:11371525MB2860413X", "system may not maintain the catalogue");
		this.trail.loginFailed("liuyang", "wrong password");
		this.trail.loggedIn(new Caller("liuyang", "11371500MB28359259", "371500", Set.of(Role.AUDITOR)));

		Verification verification = this.check.verify();

		assertThat(verification.intact()).as("%s", verification).isTrue();
		assertThat(verification.entries()).isEqualTo(this.chain.head().seq());
		assertThat(verification.lastHash()).isEqualTo(this.chain.head().hash());
	}

	@Test
	void anAfterValueAlteredInTheDatabaseIsReportedAsAlteredAtItsSequence() {
		long seq = publishRecorded();
		publishRecorded();
		String original = this.jdbc.queryForObject("select after_value from audit_entry where seq = ?", String.class, seq);
		this.jdbc.update("update audit_entry set after_value = ? where seq = ?",
				original.replace("\"CONDITIONAL\"", "\"UNCONDITIONAL\""), seq);
		try {
			assertBroken(seq, "altered");
		}
		finally {
			this.jdbc.update("update audit_entry set after_value = ? where seq = ?", original, seq);
		}
		assertThat(this.check.verify().intact()).isTrue();
	}

	@Test
	void anEntryAlteredWithItsHashRecomputedByTheRuleIsReportedAsAltered() {
		long seq = publishRecorded();
		publishRecorded();
		AuditEntry stored = entry(seq);
		AuditEntry forged = new AuditEntry(0, stored.time(), "zhaolei", stored.department(), stored.remoteAddress(),
				stored.action(), stored.subject(), stored.outcome(), stored.detail(), stored.before(), stored.after(), null,
				null).chained(seq, stored.previousHash());
		this.jdbc.update("update audit_entry set actor = ?, hash = ? where seq = ?", forged.actor(), forged.hash(), seq);
		try {
			assertBroken(seq, "altered");
		}
		finally {
			this.jdbc.update("update audit_entry set actor = ?, hash = ? where seq = ?", stored.actor(), stored.hash(), seq);
		}
		assertThat(this.check.verify().intact()).isTrue();
	}

	@Test
	void anEntryDeletedFromTheMiddleIsReportedAsMissing() {
		long seq = publishRecorded();
		publishRecorded();
		withEntryRemoved(seq, () -> assertBroken(seq, "missing"));
		assertThat(this.check.verify().intact()).isTrue();
	}

	@Test
	void theLastEntryDeletedIsReportedAsMissing() {
		long seq = publishRecorded();
		withEntryRemoved(seq, () -> assertBroken(seq, "missing"));
		assertThat(this.check.verify().intact()).isTrue();
	}

	@Test
	void anEntryForgedAfterTheLastAndChainedByTheRuleIsReportedAsInserted() {
		publishRecorded();
		AuditChain.Head head = this.chain.head();
		AuditEntry forged = new AuditEntry(0, Instant.now().truncatedTo(ChronoUnit.MICROS), "admin", null, "10.20.30.40",
				"resource.update", "resource:371525-GA-00001", "DONE", null, "{\"shareType\":\"NOT_SHARED\"}",
				"{\"shareType\":\"UNCONDITIONAL\"}", null, null).chained(head.seq() + 1, head.hash());
		this.jdbc.update("insert into audit_entry (seq, recorded_at, actor, remote_address, action, subject, outcome, "
				+ "before_value, after_value, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", forged.seq(),
				Timestamp.from(forged.time()), forged.actor(), forged.remoteAddress(), forged.action(), forged.subject(),
				forged.outcome(), forged.before(), forged.after(), forged.previousHash(), forged.hash());
		try {
			assertBroken(head.seq() + 1, "inserted");
		}
		finally {
			this.jdbc.update("delete from audit_entry where seq = ?", forged.seq());
		}
		assertThat(this.check.verify().intact()).isTrue();
	}

	@Test
	void appendsRacingFromManyThreadsStayOneChain() throws Exception {
		long before = this.chain.head().seq();
		int threads = 8;
		int rounds = 15;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < rounds; i++) {
					String subject = "resource:371525-GA-C" + SERIAL.incrementAndGet();
					this.trail.changed("resource.create", subject, null, Map.of("name", "流动人口居住登记信息"));
					this.transaction.executeWithoutResult(status -> {
						this.trail.changed("resource.update", subject, Map.of("status", "DRAFT"), Map.of("status", "PUBLISHED"));
						this.trail.changed("resource.publish", subject, Map.of("status", "DRAFT"), Map.of("status", "PUBLISHED"));
					});
					this.trail.refused("access.refused", subject, "system may not maintain the catalogue");
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();

		Verification verification = this.check.verify();
		assertThat(verification.intact()).as("%s", verification).isTrue();
		assertThat(this.chain.head().seq() - before).isEqualTo(threads * rounds * 4L);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where seq > ?", Long.class, before))
			.isEqualTo(threads * rounds * 4L);
	}

	private void assertBroken(long seq, String problem) {
		Verification verification = this.check.verify();
		assertThat(verification.intact()).as("%s", verification).isFalse();
		assertThat(verification.sequence()).as("%s", verification).isEqualTo(seq);
		assertThat(verification.problem()).isEqualTo(problem);
	}

	/** Removes the entry, runs the check, and puts the entry back exactly as it was. */
	private void withEntryRemoved(long seq, Runnable check) {
		Map<String, Object> row = this.jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
		this.jdbc.update("delete from audit_entry where seq = ?", seq);
		try {
			check.run();
		}
		finally {
			this.jdbc.update("insert into audit_entry (seq, recorded_at, actor, department, remote_address, action, subject, "
					+ "outcome, detail, before_value, after_value, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
					+ "?, ?, ?)", row.get("SEQ"), row.get("RECORDED_AT"), row.get("ACTOR"), row.get("DEPARTMENT"),
					row.get("REMOTE_ADDRESS"), row.get("ACTION"), row.get("SUBJECT"), row.get("OUTCOME"), row.get("DETAIL"),
					row.get("BEFORE_VALUE"), row.get("AFTER_VALUE"), row.get("PREVIOUS_HASH"), row.get("HASH"));
		}
	}

	/** Records a resource's publication as the catalogue would, and answers the entry's sequence. */
	private long publishRecorded() {
		String subject = "resource:371525-GA-CHAIN" + "%05d".formatted(SERIAL.incrementAndGet());
		this.trail.changed("resource.publish", subject, Map.of("name", "居民户籍登记信息", "shareType", "CONDITIONAL",
				"status", "DRAFT"), Map.of("name", "居民户籍登记信息", "shareType", "CONDITIONAL", "status", "PUBLISHED"));
		return this.jdbc.queryForObject("select seq from audit_entry where subject = ?", Long.class, subject);
	}

	private AuditEntry entry(long seq) {
		return this.jdbc.query("select * from audit_entry where seq = ?", AuditChain.ENTRY, seq).get(0);
	}

}
