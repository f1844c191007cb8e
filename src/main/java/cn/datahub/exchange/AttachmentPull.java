package cn.datahub.exchange;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One poll of an attached HTTP or JDBC source (called by the {@code pull-http} and {@code pull-jdbc} routes on
 * their schedule): reads what changed since the watermark, runs it through the {@link ExchangePipeline} and
 * advances the watermark only once every target confirmed the run. A source that fails (an error status, a
 * timeout, a body that cannot be read, a database that cannot be reached) leaves a failed run with the reason and
 * the watermark where it was, so the next poll reads the same records again; what the targets already confirmed
 * is not delivered twice.
 */
@Component
public class AttachmentPull {

	private static final Logger log = LoggerFactory.getLogger(AttachmentPull.class);

	private final Attachments attachments;

	private final Resources resources;

	private final ExchangePipeline pipeline;

	private final ExchangeTargets targets;

	private final ExchangeRuns runs;

	private final DepartmentDatabases databases;

	private final SourceProperties properties;

	private final ExchangeProperties exchange;

	private final HttpClient http;

	AttachmentPull(Attachments attachments, Resources resources, ExchangePipeline pipeline, ExchangeTargets targets,
			ExchangeRuns runs, DepartmentDatabases databases, SourceProperties properties, ExchangeProperties exchange) {
		this.attachments = attachments;
		this.resources = resources;
		this.pipeline = pipeline;
		this.targets = targets;
		this.runs = runs;
		this.databases = databases;
		this.properties = properties;
		this.exchange = exchange;
		this.http = HttpClient.newBuilder().connectTimeout(properties.httpTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	public void pull(long id) {
		Optional<Attachment> found = this.attachments.find(id);
		if (found.isEmpty()) {
			return;
		}
		Attachment attachment = found.get();
		String since = attachment.health().watermark();
		String source = attachment.kind().toLowerCase(Locale.ROOT) + ":" + attachment.routeId()
				+ (since == null ? "" : " since " + since);
		boolean logged = false;
		try {
			Resource resource = this.resources.find(attachment.resourceCode())
				.filter(r -> r.status() == ResourceStatus.PUBLISHED)
				.orElseThrow(() -> new IllegalStateException("no published resource " + attachment.resourceCode()));
			try (PulledRecords records = open(attachment, resource, since)) {
				if (records.hasNext()) {
					logged = true;
					this.pipeline.run(resource, source, batchPrefix(attachment, since), records,
							this.targets.of(resource));
				}
				this.attachments.succeeded(id, records.watermark());
			}
		}
		catch (IOException | RuntimeException ex) {
			String reason = ex.getMessage() == null ? ex.toString() : ex.getMessage();
			if (!logged) {
				this.runs.finish(this.runs.start(attachment.resourceCode(), source, "-"), 0, 0, 0, reason);
			}
			this.attachments.failed(id, reason);
			log.warn("Poll of {} ({}) failed; its watermark stays at {}: {}", attachment.routeId(),
					attachment.resourceCode(), since, reason);
		}
	}

	private PulledRecords open(Attachment attachment, Resource resource, String since) {
		if (attachment.kind().equals(Attachment.HTTP)) {
			return new HttpPages(this.http, attachment.http(), since, this.properties.httpTimeout());
		}
		String datasource = attachment.jdbc().datasource();
		return new JdbcRows(this.databases.template(datasource, this.exchange.batchSize())
			.orElseThrow(() -> new IllegalStateException("datasource " + datasource + " is no longer configured")),
				attachment.jdbc(), resource.items(), since);
	}

	/** Names a poll's batches by the watermark it starts from: the same records read again replace their batch. */
	private static String batchPrefix(Attachment attachment, String since) {
		return attachment.routeId() + "-" + HexFormat.of().toHexDigits(since == null ? 0 : since.hashCode());
	}

}
