package cn.datahub.exchange.catalogue;

import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.exchange.Platform;
import cn.datahub.exchange.Platforms;
import cn.datahub.system.HubProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The catalogue routes of every platform with a catalogueUrl, from the templates of {@code routes/}, started with
 * the hub: {@code catalogue-push-<platform>} and its {@code -post}, and {@code catalogue-harvest-<platform>}. A hub
 * that exchanges its catalogue must know its own region: without {@code hub.region-code} naming a region of the
 * reference data it does not start.
 */
@Component
class CatalogueRoutes {

	private final CamelContext camel;

	private final Platforms platforms;

	private final PushCursors cursors;

	private final CatalogueExchangeProperties properties;

	CatalogueRoutes(CamelContext camel, Platforms platforms, PushCursors cursors, CatalogueExchangeProperties properties,
			HubProperties hub, ReferenceData reference) {
		String region = hub.regionCode();
		if (!platforms.catalogues().isEmpty() && (region == null || reference.region(region).isEmpty())) {
			throw new IllegalStateException("hub.region-code must be the hub's own region, a code of the reference data's "
					+ "regions (371525 for 冠县), since platforms exchange its catalogue; was '" + region + "'");
		}
		this.camel = camel;
		this.platforms = platforms;
		this.cursors = cursors;
		this.properties = properties;
	}

	static String pushRouteId(String platform) {
		return "catalogue-push-" + platform;
	}

	static String harvestRouteId(String platform) {
		return "catalogue-harvest-" + platform;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.platforms.catalogues().forEach(this::start);
	}

	private void start(Platform platform) {
		this.cursors.ensure(platform.name());
		TemplatedRouteBuilder.builder(this.camel, "catalogue-push-post")
			.routeId(pushRouteId(platform.name()) + "-post")
			.parameter("platform", platform.name())
			.parameter("url", platform.catalogueUrl())
			.parameter("timeoutMs", String.valueOf(platform.timeout()))
			.add();
		TemplatedRouteBuilder.builder(this.camel, "catalogue-push")
			.routeId(pushRouteId(platform.name()))
			.parameter("platform", platform.name())
			.parameter("period", String.valueOf(this.properties.pushPeriod().toMillis()))
			.add();
		TemplatedRouteBuilder.builder(this.camel, "catalogue-harvest")
			.routeId(harvestRouteId(platform.name()))
			.parameter("platform", platform.name())
			.parameter("delay", String.valueOf(this.properties.firstHarvestDelay().toMillis()))
			.parameter("period", String.valueOf(this.properties.harvestPeriod().toMillis()))
			.add();
	}

}
