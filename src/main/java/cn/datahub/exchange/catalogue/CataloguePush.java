package cn.datahub.exchange.catalogue;

import java.io.IOException;
import java.util.Optional;

import cn.datahub.exchange.AvroJson;
import cn.datahub.exchange.ExchangeRuns;
import cn.datahub.exchange.PushAnswers;
import cn.datahub.exchange.TargetRefused;
import cn.datahub.schema.CatalogueEntry;
import cn.datahub.system.HubProperties;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One poll of a platform's catalogue push (called by its {@code catalogue-push} route): the next batch of changes
 * after the platform's cursor is POSTed through {@code catalogue-push-<platform>-post}, and the cursor advances
 * only once the platform answered 2xx. A batch that failed is sent again as it was at the next poll, so a platform
 * down for hours gets every change, in order, once it is back, and nothing twice after it confirmed. A refusal (4xx)
 * holds the platform's push with the answer until an operator resumes it. Every batch sent is a run in the
 * exchange log: source {@code catalogue:<batch id>}, target the platform.
 */
@Component
public class CataloguePush {

	/** The exchange log's resource code and source of catalogue runs. */
	static final String CATALOGUE = "catalogue";

	static final String REGION_HEADER = "X-Region-Code";

	static final String BATCH_HEADER = "X-Batch-Id";

	private static final Logger log = LoggerFactory.getLogger(CataloguePush.class);

	private final PushCursors cursors;

	private final CatalogueChanges changes;

	private final ExchangeRuns runs;

	private final ProducerTemplate producer;

	private final String regionCode;

	CataloguePush(PushCursors cursors, CatalogueChanges changes, ExchangeRuns runs, ProducerTemplate producer,
			HubProperties hub) {
		this.cursors = cursors;
		this.changes = changes;
		this.runs = runs;
		this.producer = producer;
		this.regionCode = hub.regionCode();
	}

	static String endpoint(String platform) {
		return "direct:catalogue-push-" + platform;
	}

	public void push(String platform) {
		Optional<PushCursor> found = this.cursors.find(platform);
		if (found.isEmpty() || found.get().held()) {
			return;
		}
		PushCursor cursor = found.get();
		ChangeBatch batch = cursor.pendingTo() != null ? this.changes.again(cursor.lastHistoryId(), cursor.pendingTo())
				: this.changes.next(cursor.lastHistoryId());
		if (batch.entries().isEmpty()) {
			if (batch.upTo() > cursor.lastHistoryId()) {
				this.cursors.confirmed(platform, batch.upTo());
			}
			return;
		}
		this.cursors.sending(platform, batch.upTo());
		String batchId = batch.id(this.regionCode);
		long run = this.runs.start(CATALOGUE, CATALOGUE + ":" + batchId, platform);
		int entries = batch.entries().size();
		try {
			send(platform, batch, batchId);
			this.cursors.confirmed(platform, batch.upTo());
			this.runs.finish(run, entries, entries, 0, null);
		}
		catch (TargetRefused ex) {
			String reason = ex.getMessage() + " (entries " + batch.describe() + "); held until resumed";
			this.cursors.hold(platform, reason);
			this.runs.finish(run, entries, 0, 0, reason);
			log.warn("Catalogue push to {} is held: {}", platform, reason);
		}
		catch (IOException | RuntimeException ex) {
			String reason = ex.getMessage() == null ? ex.toString() : ex.getMessage();
			this.cursors.failed(platform, reason);
			this.runs.finish(run, entries, 0, 0, reason);
			log.warn("Catalogue batch {} to {} failed and is sent again at the next poll: {}", batchId, platform, reason);
		}
	}

	private void send(String platform, ChangeBatch batch, String batchId) throws IOException {
		byte[] body = AvroJson.array(CatalogueEntry.getClassSchema(), new SpecificDatumWriter<>(CatalogueEntry.class),
				batch.entries());
		Exchange answer = this.producer.send(endpoint(platform), exchange -> {
			exchange.getIn().setBody(body);
			exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
			exchange.getIn().setHeader(REGION_HEADER, this.regionCode);
			exchange.getIn().setHeader(BATCH_HEADER, batchId);
		});
		PushAnswers.check(answer, platform, batchId);
	}

}
