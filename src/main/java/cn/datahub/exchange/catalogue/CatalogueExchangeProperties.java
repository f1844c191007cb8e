package cn.datahub.exchange.catalogue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalogue exchange's settings ({@code hub.exchange.catalogue.*} in {@code config/application.yml}); how a
 * failed POST is retried is push's ({@code hub.exchange.push.*}).
 *
 * @param pushPeriod how often a platform's cursor is looked at and the next batch of changes sent
 * @param batchSize the most entries one batch carries
 * @param gapWait how long the push waits for a change recorded before one already committed (still committing)
 * before it passes over its place in the history
 * @param firstHarvestDelay how long after start this region's catalogue is first read back
 * @param harvestPeriod how often it is read back from each platform after that
 * @param harvestPageSize how many entries one page of the harvest asks for
 */
@ConfigurationProperties("hub.exchange.catalogue")
public record CatalogueExchangeProperties(@DefaultValue("10s") Duration pushPeriod, @DefaultValue("100") int batchSize,
		@DefaultValue("5m") Duration gapWait, @DefaultValue("1m") Duration firstHarvestDelay,
		@DefaultValue("6h") Duration harvestPeriod,
		@DefaultValue("100") int harvestPageSize) {

	public CatalogueExchangeProperties {
		if (batchSize < 1 || harvestPageSize < 1) {
			throw new IllegalArgumentException("hub.exchange.catalogue.batch-size and .harvest-page-size must be 1 or more");
		}
	}

}
