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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Moves a source's records to its targets in batches: validate and convert each record to the resource's Avro
 * schema (dead-lettering those that fail, one by one, while the rest go on), then for each target drop what it
 * already confirmed, mask what it must not see, deliver, and record the confirmed batch. Every target gets a run
 * in the exchange log. A target that fails stops the run with the error, so the source is not acknowledged and
 * is read again later; what was confirmed before is not delivered twice. Each target is sent the batches in order on
 * a lane of its own ({@link DeliveryLanes}) while the next batches are read, converted and looked up in the
 * idempotent repository; a record version that a batch still being delivered carries is left to it, since its
 * confirmation may not be recorded yet when the next batch is looked up.
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
		RecordConverter converter = new RecordConverter(resource, this.hub.zone());
		Map<String, MaskingRule> plan = this.masking.plan(resource);
		Map<Target, Long> runIds = new LinkedHashMap<>();
		targets.forEach(t -> runIds.put(t, this.runs.start(resource.code(), source, t.name())));
		long deadLetterRun = runIds.values().iterator().next();
		Map<String, Counts> counts = new LinkedHashMap<>();
		targets.forEach(t -> counts.put(t.name(), new Counts()));
		boolean keepRecords = targets.stream().anyMatch(Target::readsRecords);
		int batchNo = 0;
		// the lanes close first: they finish what they were given before the runs are logged
		try (DeliveryLanes lanes = new DeliveryLanes("send-" + resource.code(),
				targets.stream().map(Target::name).toList())) {
			while (records.hasNext()) {
				Batch batch = read(resource, source, converter, records, deadLetterRun, lanes, keepRecords);
				Map<String, Set<Fingerprint>> delivered = this.deliveries.delivered(resource.code(), batch.unique().keySet());
				String batchId = batchPrefix + "-" + String.format("%06d", ++batchNo);
				Deliveries.Pending confirmations = new Deliveries.Pending(resource.code(), batchId,
						unconfirmed(batch, targets, delivered));
				lanes.submit(batch.unique().keySet(), targets.stream()
					.map(target -> (DeliveryLanes.Send) () -> deliver(resource, converter.schema(), batch,
							delivered.getOrDefault(target.name(), Set.of()), confirmations, target, plan,
							counts.get(target.name())))
					.toList());
			}
			lanes.await();
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
	 * The next batch of the source, converted, each record version once (by fingerprint) and none that a batch
	 * still being delivered carries: that batch delivers it, or fails the run; the records that fail are
	 * dead-lettered on the way. Without {@code keepRecords} the batch holds their encodings only.
	 */
	private Batch read(Resource resource, String source, RecordConverter converter, Iterator<SourceRecord> records,
			long deadLetterRun, DeliveryLanes lanes, boolean keepRecords) {
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
			else if (!lanes.carries(converted.fingerprint())) {
				unique.putIfAbsent(converted.fingerprint(), keepRecords ? converted : converted.encodedOnly());
			}
		}
		return new Batch(unique, read, rejected);
	}

	/**
	 * Delivers a batch to one target, on its lane: what it had not confirmed before ({@code done}); records its
	 * confirmation and counts it. The batch's record versions that some target has still to confirm are recorded
	 * once, by the first lane to confirm the batch.
	 */
	private void deliver(Resource resource, Schema schema, Batch batch, Set<Fingerprint> done,
			Deliveries.Pending confirmations, Target target, Map<String, MaskingRule> plan, Counts counts)
			throws IOException {
		counts.in += batch.read();
		counts.rejected += batch.rejected();
		long sent = send(resource, schema, batch.unique().values(), target, plan, confirmations.name(), done);
		if (sent > 0) {
			synchronized (confirmations) {
				this.deliveries.confirm(confirmations, target.name());
			}
			counts.out += sent;
		}
	}

	/** Sends the target what it has not confirmed before ({@code done}); answers how many records that was. */
	private static long send(Resource resource, Schema full, Collection<Converted> batch, Target target,
			Map<String, MaskingRule> plan, String batchId, Set<Fingerprint> done) throws IOException {
		List<Converted> fresh = batch.stream().filter(c -> !done.contains(c.fingerprint())).toList();
		if (fresh.isEmpty()) {
			return 0;
		}
		target.deliver(new TargetBatch(resource, full, target.fields(), target.masked() ? plan : Map.of(), fresh,
				batchId));
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
	 * What one run read, delivered and rejected for a target; written by the target's lane and read once the lanes
	 * are closed.
	 */
	static final class Counts {

		long in;

		long out;

		long rejected;

	}

}
