package cn.datahub.exchange;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

import org.springframework.stereotype.Component;

/**
 * The push-http routes of each HTTP target ({@code routes/push-http.camel.yaml}): {@code push-<name>}, which
 * retries, and {@code push-<name>-call}, the POST behind the target's circuit breaker. Added when the target is,
 * stopped and removed when it is deleted, without a restart.
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

	void add(TargetDefinition target) {
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
