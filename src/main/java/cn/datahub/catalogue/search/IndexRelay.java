package cn.datahub.catalogue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch._types.Refresh;
import cn.datahub.catalogue.CatalogueChanged;
import cn.datahub.catalogue.IndexOutbox;
import cn.datahub.system.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries committed catalogue changes from the outbox table to the search index. Runs right after each commit,
 * so a registrar finds what they just saved, and on a timer (route {@code catalogue-index-relay}), so changes made
 * while Elasticsearch was down reach it once it is back. An outbox row is removed only after the index took it.
 */
@Component("indexRelay")
public class IndexRelay {

	private static final Logger log = LoggerFactory.getLogger(IndexRelay.class);

	/** After a failure, commits stop trying the index at once and leave it to the timer for this long. */
	private static final Duration BACKOFF = Duration.ofSeconds(5);

	private final IndexOutbox outbox;

	private final CatalogueIndex index;

	private final Clock clock;

	private final int batchSize;

	/**
	 * Each batch commits on its own: after a catalogue commit the finished transaction's connection is still bound
	 * to the thread, and the outbox rows must not be removed as part of it.
	 */
	private final TransactionTemplate ownTransaction;

	private volatile Instant quietUntil = Instant.MIN;

	IndexRelay(IndexOutbox outbox, CatalogueIndex index, Clock clock, HubProperties properties,
			PlatformTransactionManager transactions) {
		this.outbox = outbox;
		this.index = index;
		this.clock = clock;
		this.batchSize = properties.indexRelay().batchSize();
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		drain();
	}

	@TransactionalEventListener
	void afterCommit(CatalogueChanged changed) {
		if (this.clock.instant().isAfter(this.quietUntil)) {
			drain();
		}
	}

	private int carryBatch() throws IOException {
		try {
			return this.ownTransaction.execute(status -> {
				List<IndexOutbox.Entry> batch = this.outbox.oldest(this.batchSize);
				try {
					this.index.synchronise(batch.stream().map(IndexOutbox.Entry::resourceCode).toList(), Refresh.WaitFor);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				this.outbox.remove(batch);
				return batch.size();
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Indexes every pending change, a batch at a time.
	 * @return how many outbox rows were carried
	 */
	public int drain() {
		int carried = 0;
		try {
			this.index.ensureReady();
			while (true) {
				int n = this.index.whileWriting(this::carryBatch);
				carried += n;
				if (n < this.batchSize) {
					return carried;
				}
			}
		}
		catch (Exception ex) {
			this.quietUntil = this.clock.instant().plus(BACKOFF);
			log.warn("Search index not updated ({} change(s) waiting in the outbox, retried shortly): {}",
					this.outbox.size(), ex.toString());
			return carried;
		}
	}

}
