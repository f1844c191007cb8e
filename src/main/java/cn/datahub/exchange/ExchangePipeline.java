package cn.datahub.exchange;

import java.io.IOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.datahub.catalogue.Resource;
import cn.datahub.exchange.RecordConverter.Converted;
import cn.datahub.system.HubProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Moves a source's records to its targets in batches: validate and convert each record to the resource's Avro
 * schema (dead-lettering those that fail, one by one, while the rest go on), then for each target drop what it
 * already confirmed, mask what it must not see, deliver, and record the confirmed batch. Every target gets a run
 * in the exchange log. A target that fails stops the run with the error, so the source is not acknowledged and
 * is read again later; what was confirmed before is not delivered twice. A batch is delivered while the next is
 * read, converted and looked up in the idempotent repository ({@link Handover}), one batch at a time, in order,
 * to all its targets at once ({@link Fanout}); a record version that the batch being delivered carries is left to
 * it, since its confirmation may not be recorded yet when the next batch is looked up.
 */
@Component
class ExchangePipeline {

	private static final Logger log = LoggerFactory.getLogger(ExchangePipeline.class);

	private final ExchangeRuns runs;

	private final DeadLetters deadLetters;

	private final Deliveries deliveries;

	private final Masking masking;

	private final ExchangeProperties properties;

	private final HubProperties hub;

	ExchangePipeline(ExchangeRuns runs, DeadLetters deadLetters, Deliveries deliveries, Masking masking,
			ExchangeProperties properties, HubProperties hub) {
		this.runs = runs;
		this.deadLetters = deadLetters;
		this.deliveries = deliveries;
		this.masking = masking;
		this.properties = properties;
		this.hub = hub;
	}

	/**
	 * Runs {@code records} of {@code source} to {@code targets}.
	 * @param batchPrefix names this source's batches, the same each time the same source is read
	 * @return the counts, per target
	 * @throws IOException when a target fails; its run and the others are logged as failed
	 */
	Map<String, Counts> run(Resource resource, String source, String batchPrefix, Iterator<SourceRecord> records,
			List<Target> targets) throws IOException {
		return run(resource, List.of(), source, batchPrefix, records, targets);
	}

	/**
	 * Runs {@code records} of {@code source} to {@code targets}, identifying records by {@code keyItems} (the
	 * resource's first required item when empty).
	 */
	Map<String, Counts> run(Resource resource, List<String> keyItems, String source, String batchPrefix,
			Iterator<SourceRecord> records, List<Target> targets) throws IOException {
		RecordConverter converter = new RecordConverter(resource, keyItems, this.hub.zone());
		Map<String, MaskingRule> plan = this.masking.plan(resource);
		Map<Target, Long> runIds = new LinkedHashMap<>();
		targets.forEach(t -> runIds.put(t, this.runs.start(resource.code(), source, t.name())));
		long deadLetterRun = runIds.values().iterator().next();
		Map<String, Counts> counts = new LinkedHashMap<>();
		targets.forEach(t -> counts.put(t.name(), new Counts()));
		int batchNo = 0;
		// the hand-over closes first: it waits for the batch in flight, which may still be sending through the fan-out
		try (Fanout fanout = new Fanout("send-" + resource.code(), targets.size());
				Handover handover = new Handover("exchange-" + resource.code())) {
			Set<Fingerprint> inFlight = Set.of();
			while (records.hasNext()) {
				Batch batch = read(resource, source, converter, records, deadLetterRun, inFlight);
				Map<String, Set<Fingerprint>> delivered = this.deliveries.delivered(resource.code(), batch.unique().keySet());
				String batchId = batchPrefix + "-" + String.format("%06d", ++batchNo);
				handover.submit(() -> deliver(resource, converter.schema(), batch, delivered, batchId, targets, plan,
						counts, fanout));
				inFlight = batch.unique().keySet();
			}
			handover.await();
		}
		catch (IOException | RuntimeException ex) {
			runIds.forEach((t, id) -> {
				Counts c = counts.get(t.name());
				this.runs.finish(id, c.in, c.out, c.rejected, t.name() + ": " + ex);
			});
			log.warn("Exchange of {} from {} failed; the source is kept and read again: {}", resource.code(), source,
					ex.toString());
			throw ex;
		}
		runIds.forEach((t, id) -> {
			Counts c = counts.get(t.name());
			this.runs.finish(id, c.in, c.out, c.rejected, null);
		});
		return counts;
	}

	/**
	 * The next batch of the source, converted, each record version once (by fingerprint) and none that the batch
	 * being delivered carries ({@code inFlight}): that batch delivers it, or fails the run; the records that fail
	 * are dead-lettered on the way.
	 */
	private Batch read(Resource resource, String source, RecordConverter converter, Iterator<SourceRecord> records,
			long deadLetterRun, Set<Fingerprint> inFlight) {
		Map<Fingerprint, Converted> unique = new LinkedHashMap<>();
		long rejected = 0;
		long read = 0;
		while (records.hasNext() && read < this.properties.batchSize()) {
			SourceRecord record = records.next();
			read++;
			Converted converted = record.values() == null ? unreadable() : converter.convert(record);
			if (!converted.accepted()) {
				rejected++;
				this.deadLetters.store(resource.code(), source, deadLetterRun, record, converted.rejection());
			}
			else if (!inFlight.contains(converted.fingerprint())) {
				unique.putIfAbsent(converted.fingerprint(), converted);
			}
		}
		return new Batch(unique, read, rejected);
	}

	/**
	 * Delivers a batch to every target at once ({@link Fanout}), each getting what it had not confirmed before
	 * ({@code delivered}), then records each target's confirmation and counts it. The batch's record versions that
	 * some target has still to confirm are recorded once, with the first confirmation. A target that failed fails
	 * the run once the others' confirmations are recorded, so what they took is not sent again.
	 */
	private void deliver(Resource resource, Schema schema, Batch batch, Map<String, Set<Fingerprint>> delivered,
			String batchId, List<Target> targets, Map<String, MaskingRule> plan, Map<String, Counts> counts,
			Fanout fanout) throws IOException {
		Deliveries.Pending confirmations = new Deliveries.Pending(resource.code(), batchId,
				unconfirmed(batch, targets, delivered));
		List<Fanout.Sent> sent = fanout.all(targets.stream()
			.map(target -> (Fanout.Send) () -> send(resource, schema, batch.unique().values(), target, plan, batchId,
					delivered.getOrDefault(target.name(), Set.of())))
			.toList());
		Exception failure = null;
		for (int i = 0; i < targets.size(); i++) {
			Target target = targets.get(i);
			Counts c = counts.get(target.name());
			c.in += batch.read();
			c.rejected += batch.rejected();
			if (sent.get(i).failure() != null) {
				failure = failure == null ? sent.get(i).failure() : failure;
			}
			else if (sent.get(i).records() > 0) {
				this.deliveries.confirm(confirmations, target.name());
				c.out += sent.get(i).records();
			}
		}
		if (failure instanceof IOException io) {
			throw io;
		}
		if (failure != null) {
			throw (RuntimeException) failure;
		}
	}

	/** Sends the target what it has not confirmed before ({@code done}); answers how many records that was. */
	private static long send(Resource resource, Schema full, Collection<Converted> batch, Target target,
			Map<String, MaskingRule> plan, String batchId, Set<Fingerprint> done) throws IOException {
		List<Converted> fresh = batch.stream().filter(c -> !done.contains(c.fingerprint())).toList();
		if (fresh.isEmpty()) {
			return 0;
		}
		Schema schema = target.fields().isEmpty() ? full : Projection.of(full, target.fields());
		List<GenericRecord> records = fresh.stream()
			.map(c -> schema == full ? c.record() : Projection.apply(c.record(), schema))
			.map(r -> target.masked() ? Masking.apply(r, plan) : r)
			.toList();
		boolean asConverted = schema == full && !target.masked();
		target.deliver(new TargetBatch(resource, schema, records,
				asConverted ? fresh.stream().map(Converted::encoded).toList() : List.of(), batchId));
		return fresh.size();
	}

	/** The batch's record versions that some target has not confirmed yet. */
	private static List<Fingerprint> unconfirmed(Batch batch, List<Target> targets,
			Map<String, Set<Fingerprint>> delivered) {
		return batch.unique()
			.values()
			.stream()
			.filter(c -> targets.stream()
				.anyMatch(t -> !delivered.getOrDefault(t.name(), Set.of()).contains(c.fingerprint())))
			.map(Converted::fingerprint)
			.toList();
	}

	private static Converted unreadable() {
		return Converted.rejected(new Rejection(null, "not a JSON object", "不是有效的JSON对象"));
	}

	/** Records read together, those that passed converted, by fingerprint. */
	private record Batch(Map<Fingerprint, Converted> unique, long read, long rejected) {
	}

	/**
	 * What one run read, delivered and rejected; written by the batches' deliveries and read once they are over
	 * ({@link Handover#await()}).
	 */
	static final class Counts {

		long in;

		long out;

		long rejected;

	}

}
