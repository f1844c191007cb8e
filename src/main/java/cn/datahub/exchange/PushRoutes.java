package cn.datahub.exchange;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

import org.springframework.stereotype.Component;

/**
 * The push routes of each target. An HTTP target ({@code routes/push-http.camel.yaml}) has {@code push-<name>},
 * which retries, and {@code push-<name>-call}, the POST behind the target's circuit breaker; a JDBC target
 * ({@code routes/push-jdbc.camel.yaml}) and a file outbox ({@code routes/push-file.camel.yaml}) have
 * {@code push-<name>}, which writes and retries. Added when the target is, stopped and removed when it is deleted,
 * without a restart.
 */
@Component
class PushRoutes {

	private final CamelContext camel;

	private final PushProperties properties;

	PushRoutes(CamelContext camel, PushProperties properties) {
		this.camel = camel;
		this.properties = properties;
	}

	static String routeId(String name) {
		return "push-" + name;
	}

	/** Where a target's batches are sent. */
	static String endpoint(String name) {
		return "direct:push-" + name;
	}

	void add(TargetDefinition target) {
		if (target.kind() == TargetKind.FILE) {
			TemplatedRouteBuilder.builder(this.camel, "push-file")
				.routeId(routeId(target.name()))
				.parameter("name", target.name())
				.add();
			return;
		}
		if (target.kind() == TargetKind.JDBC) {
			TemplatedRouteBuilder.builder(this.camel, "push-jdbc")
				.routeId(routeId(target.name()))
				.parameter("name", target.name())
				.parameter("datasource", target.jdbc().datasource())
				.parameter("table", target.jdbc().table())
				.parameter("keyColumns", String.join(",", target.jdbc().keyColumns()))
				.add();
			return;
		}
		TemplatedRouteBuilder.builder(this.camel, "push-http-call")
			.routeId(routeId(target.name()) + "-call")
			.parameter("name", target.name())
			.parameter("url", target.url())
			.parameter("timeoutMs", String.valueOf(target.timeoutMs()))
			.parameter("breakerOpenSeconds", String.valueOf(this.properties.breakerOpenSeconds()))
			.add();
		TemplatedRouteBuilder.builder(this.camel, "push-http")
			.routeId(routeId(target.name()))
			.parameter("name", target.name())
			.add();
	}

	void remove(String name) throws Exception {
		for (String id : new String[] { routeId(name), routeId(name) + "-call" }) {
			if (this.camel.getRoute(id) != null) {
				this.camel.getRouteController().stopRoute(id);
				this.camel.removeRoute(id);
			}
		}
	}

}
