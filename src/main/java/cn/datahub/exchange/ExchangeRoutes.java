package cn.datahub.exchange;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Instantiates the route templates of {@code routes/} with the hub's own values: at start, the file-drop inbox
 * every published resource has, {@code <inbox>/<resourceCode>/}.
 */
@Component
class ExchangeRoutes {

	static final String INBOX = "inbox";

	private final CamelContext camel;

	private final ExchangeProperties properties;

	ExchangeRoutes(CamelContext camel, ExchangeProperties properties) {
		this.camel = camel;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startInbox() {
		TemplatedRouteBuilder.builder(this.camel, "pull-file")
			.routeId(INBOX)
			.parameter("directory", this.properties.inbox().toAbsolutePath().toString())
			.parameter("delay", String.valueOf(this.properties.pollMs()))
			.add();
	}

}
