package cn.datahub.exchange.catalogue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.NotFound;
import cn.datahub.exchange.ExchangeRuns;
import cn.datahub.exchange.Platform;
import cn.datahub.exchange.Platforms;
import cn.datahub.exchange.catalogue.HarvestReport.Rejection;
import cn.datahub.schema.CatalogueEntry;
import cn.datahub.system.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One harvest of a platform's catalogue of this region (called by its {@code catalogue-harvest} route on schedule
 * and by {@code POST /api/exchange/catalogue/harvest}): every page is read, every entry checked against the
 * {@code CatalogueEntry} schema and kept if newer than the copy the hub has. A bad entry is skipped and reported
 * (in the run, in the answer, and kept with its reason in {@link HarvestRejections}), the rest go on; a page that cannot be read fails the run, and what was kept before it stays. Harvests run one at
 * a time, so the schedule and an operator never read the same platform at once.
 */
@Component
public class CatalogueHarvest {

	/** The exchange log's target of a harvest: the hub's table of harvested entries. */
	static final String HARVESTED = "harvested";

	/** A platform that never answers a short page is not read for ever. */
	private static final int MAX_PAGES = 10_000;

	private static final Logger log = LoggerFactory.getLogger(CatalogueHarvest.class);

	private final Platforms platforms;

	private final HarvestedEntries entries;

	private final HarvestRejections rejections;

	private final ExchangeRuns runs;

	private final CatalogueExchangeProperties properties;

	private final String regionCode;

	private final Clock clock;

	/** HTTP/1.1, as the platforms' interfaces speak it: no h2c upgrade for a gateway to stumble over. */
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();

	CatalogueHarvest(Platforms platforms, HarvestedEntries entries, HarvestRejections rejections, ExchangeRuns runs,
			CatalogueExchangeProperties properties, HubProperties hub, Clock clock) {
		this.platforms = platforms;
		this.entries = entries;
		this.rejections = rejections;
		this.runs = runs;
		this.properties = properties;
		this.regionCode = hub.regionCode();
		this.clock = clock;
	}

	public synchronized HarvestReport harvest(String name) {
		Platform platform = this.platforms.catalogue(name).orElseThrow(() -> new NotFound("platform", name));
		HarvestPages pages = new HarvestPages(this.http, platform.harvestFrom(), this.regionCode,
				this.properties.harvestPageSize(), Duration.ofMillis(platform.timeout()));
		long run = this.runs.start(CataloguePush.CATALOGUE, name + ":catalogue?regionCode=" + this.regionCode, HARVESTED);
		Tally tally = new Tally();
		try {
			for (int number = 0; number < MAX_PAGES; number++) {
				List<JsonNode> page = pages.page(number);
				for (int position = 0; position < page.size(); position++) {
					take(name, run, number, position, page.get(position), tally);
				}
				if (page.size() < pages.size()) {
					break;
				}
			}
			this.runs.finish(run, tally.read, tally.stored + tally.unchanged, tally.rejected.size(), null);
			return tally.report(name, run, null);
		}
		catch (IOException | RuntimeException ex) {
			String reason = ex.getMessage() == null ? ex.toString() : ex.getMessage();
			this.runs.finish(run, tally.read, tally.stored + tally.unchanged, tally.rejected.size(), reason);
			log.warn("Harvest of {}'s catalogue failed: {}", name, reason);
			return tally.report(name, run, reason);
		}
	}

	private void take(String platform, long run, int page, int position, JsonNode element, Tally tally) {
		tally.read++;
		String json = element.toString();
		CatalogueEntry entry;
		try {
			entry = HarvestedEntryReader.read(json);
		}
		catch (IllegalArgumentException ex) {
			String code = element.path("code").isTextual() ? element.path("code").asText() : null;
			Rejection rejection = new Rejection(page, position, code, ex.getMessage());
			tally.rejected.add(rejection);
			this.rejections.record(run, platform, rejection, json, this.clock.instant());
			log.warn("Harvest of {}: entry {} of page {} ({}) skipped: {}", platform, position, page, code, ex.getMessage());
			return;
		}
		if (this.entries.keep(platform, entry, json, this.clock.instant())) {
			tally.stored++;
		}
		else {
			tally.unchanged++;
		}
	}

	private static final class Tally {

		private int read;

		private int stored;

		private int unchanged;

		private final List<Rejection> rejected = new ArrayList<>();

		HarvestReport report(String platform, long run, String error) {
			return new HarvestReport(platform, run, error == null ? "SUCCEEDED" : "FAILED", this.read, this.stored,
					this.unchanged, List.copyOf(this.rejected), error);
		}

	}

}
