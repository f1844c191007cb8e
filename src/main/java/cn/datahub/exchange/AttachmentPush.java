package cn.datahub.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import cn.datahub.catalogue.CatalogueConflict;
import cn.datahub.catalogue.NotFound;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.Resources;
import cn.datahub.system.BadParameter;

import org.springframework.stereotype.Component;

/**
 * Takes in a batch a department system pushed to a PUSH attachment (its real-time interface to the hub): reads
 * the whole body first, so a body that cannot be read is refused before anything is applied; runs its records
 * through the {@link ExchangePipeline} (bad records dead-lettered, the others delivered); and answers only once
 * every target confirmed them. A sender that gets no confirmation sends the batch again: what a target already
 * confirmed is not delivered twice, and a batch sent again under the same batch id keeps its dead letters once.
 */
@Component
class AttachmentPush {

	private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);

	private final Attachments attachments;

	private final Resources resources;

	private final ExchangePipeline pipeline;

	private final ExchangeTargets targets;

	private final DeadLetters deadLetters;

	private final Clock clock;

	private final Map<Long, Object> locks = new ConcurrentHashMap<>();

	AttachmentPush(Attachments attachments, Resources resources, ExchangePipeline pipeline, ExchangeTargets targets,
			DeadLetters deadLetters, Clock clock) {
		this.attachments = attachments;
		this.resources = resources;
		this.pipeline = pipeline;
		this.targets = targets;
		this.deadLetters = deadLetters;
		this.clock = clock;
	}

	/**
	 * @param format {@code json} (an array of objects), {@code jsonl} (one object per line) or {@code csv} (a
	 * header row of item names or titles)
	 * @param batchId the sender's name for the batch, the same when it sends the batch again; null: one is made up
	 */
	PushReceipt receive(long id, String format, byte[] body, String batchId) {
		Attachment attachment = this.attachments.find(id).orElseThrow(() -> new NotFound("attachment", String.valueOf(id)));
		if (!attachment.kind().equals(Attachment.PUSH)) {
			throw new CatalogueConflict("kind", "Attachment " + id + " is read by the hub (" + attachment.kind()
					+ "); records are pushed only to PUSH attachments", "挂接 " + id + " 由平台主动读取，只有 PUSH 挂接可推送数据");
		}
		Resource resource = this.resources.find(attachment.resourceCode())
			.filter(r -> r.status() == ResourceStatus.PUBLISHED)
			.orElseThrow(() -> new CatalogueConflict("resourceCode", "Resource " + attachment.resourceCode()
					+ " is no longer published", "资源 " + attachment.resourceCode() + " 已不是发布状态"));
		String batch = batchId(batchId);
		List<SourceRecord> records = read(format, body);
		String source = "push:" + attachment.routeId() + " " + batch;
		synchronized (this.locks.computeIfAbsent(id, key -> new Object())) {
			Map<String, ExchangePipeline.Counts> counts;
			try {
				counts = this.pipeline.run(resource, source, attachment.routeId() + "-" + batch,
						records.iterator(), this.targets.of(resource));
			}
			catch (IOException | RuntimeException ex) {
				this.attachments.failed(id, ex.getMessage() == null ? ex.toString() : ex.getMessage());
				throw new PushNotDelivered(batch, ex);
			}
			this.attachments.succeeded(id, this.clock.instant().toString());
			return PushReceipt.of(attachment, batch, records.size(), counts,
					this.deadLetters.ofSource(resource.code(), source, PushReceipt.MAX_REJECTIONS));
		}
	}

	private String batchId(String given) {
		if (given == null || given.isBlank()) {
			return "push-" + STAMP.format(this.clock.instant().atZone(this.clock.getZone()))
					+ "-" + UUID.randomUUID().toString().substring(0, 8);
		}
		if (!BATCH_ID.matcher(given).matches()) {
			throw new BadParameter("X-Batch-Id", "X-Batch-Id must be 1 to 64 letters, digits, '-' or '_'");
		}
		return given;
	}

	private static List<SourceRecord> read(String format, byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		try {
			return switch (format) {
				case "csv" -> RecordBodies.csv(text, 1);
				case "jsonl" -> RecordBodies.jsonLines(text);
				default -> RecordBodies.json(text, null, 0);
			};
		}
		catch (IOException ex) {
			throw new UnreadableRecords(ex.getMessage());
		}
	}

}
