package cn.datahub.catalogue.search;

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

	private volatile Instant quietUntil = Instant.MIN;

	IndexRelay(IndexOutbox outbox, CatalogueIndex index, Clock clock, HubProperties properties) {
		this.outbox = outbox;
		this.index = index;
		this.clock = clock;
		this.batchSize = properties.indexRelay().batchSize();
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

	/**
	 * Indexes every pending change, a batch at a time.
	 * @return how many outbox rows were carried
	 */
	public int drain() {
		int carried = 0;
		try {
			this.index.ensureReady();
			while (true) {
				int n = this.index.whileWriting(() -> {
					List<IndexOutbox.Entry> batch = this.outbox.oldest(this.batchSize);
					this.index.synchronise(batch.stream().map(IndexOutbox.Entry::resourceCode).toList(), Refresh.WaitFor);
					this.outbox.remove(batch);
					return batch.size();
				});
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
