package cn.datahub.exchange;

import java.time.Duration;
import java.util.Locale;

import cn.datahub.catalogue.Resources;
import cn.datahub.catalogue.UpdateCycle;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One route per attachment, instantiated from {@code routes/pull-<kind>.camel.yaml}: at start for the attachments
 * the database holds, on creation for a new one, and stopped and removed when it is deleted, without a restart.
 * HTTP and JDBC sources are polled on the period of their resource's update cycle; a FILE attachment is a
 * {@code pull-file} route over its folder. A PUSH attachment has no route: its department system calls the hub.
 */
@Component
class AttachmentRoutes {

	/** The first poll comes soon after the route starts, not a whole (daily) period later. */
	private static final long FIRST_POLL_MS = 1000;

	private final CamelContext camel;

	private final Attachments attachments;

	private final Resources resources;

	private final SourceProperties sources;

	private final ExchangeProperties exchange;

	AttachmentRoutes(CamelContext camel, Attachments attachments, Resources resources, SourceProperties sources,
			ExchangeProperties exchange) {
		this.camel = camel;
		this.attachments = attachments;
		this.resources = resources;
		this.sources = sources;
		this.exchange = exchange;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startAll() {
		this.attachments.list(null).forEach(this::start);
	}

	void start(Attachment attachment) {
		if (attachment.kind().equals(Attachment.PUSH)) {
			return;
		}
		if (attachment.kind().equals(Attachment.FILE)) {
			TemplatedRouteBuilder.builder(this.camel, "pull-file")
				.routeId(attachment.routeId())
				.parameter("directory", attachment.file().path())
				.parameter("depth", "1")
				.parameter("resourceCode", attachment.resourceCode())
				.parameter("delay", String.valueOf(this.exchange.pollMs()))
				.add();
			return;
		}
		UpdateCycle cycle = this.resources.find(attachment.resourceCode()).map(r -> r.updateCycle())
			.orElse(UpdateCycle.IRREGULAR);
		Duration period = this.sources.period(cycle);
		TemplatedRouteBuilder.builder(this.camel, "pull-" + attachment.kind().toLowerCase(Locale.ROOT))
			.routeId(attachment.routeId())
			.parameter("attachmentId", String.valueOf(attachment.id()))
			.parameter("period", String.valueOf(period.toMillis()))
			.parameter("delay", String.valueOf(Math.min(FIRST_POLL_MS, period.toMillis())))
			.add();
	}

	/** Stops the attachment's route (letting a poll under way finish) and removes it. */
	void stop(Attachment attachment) throws Exception {
		if (this.camel.getRoute(attachment.routeId()) != null) {
			this.camel.getRouteController().stopRoute(attachment.routeId());
			this.camel.removeRoute(attachment.routeId());
		}
	}

}
