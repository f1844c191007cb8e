package cn.datahub.exchange;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.datahub.catalogue.UpdateCycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How attached sources are read ({@code hub.exchange.sources.*} in {@code config/application.yml}).
 *
 * @param periods how often a source is polled, by its resource's update cycle; every cycle must have one, so a
 * missing entry stops the hub at start rather than leaving a source unread
 * @param httpTimeout how long a department API may take to answer one page before the run fails
 * @param datasources the department databases JDBC attachments may name, by name
 */
@ConfigurationProperties("hub.exchange.sources")
public record SourceProperties(Map<UpdateCycle, Duration> periods, @DefaultValue("30s") Duration httpTimeout,
		Map<String, Database> datasources) {

	public SourceProperties {
		periods = periods == null ? Map.of() : Map.copyOf(periods);
		Set<UpdateCycle> missing = EnumSet.allOf(UpdateCycle.class);
		missing.removeAll(periods.keySet());
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("hub.exchange.sources.periods has no period for " + missing);
		}
		datasources = datasources == null ? Map.of() : Map.copyOf(datasources);
	}

	Duration period(UpdateCycle cycle) {
		return this.periods.get(cycle);
	}

	/** A department database and the account the hub reaches it with (read-only for a source). */
	public record Database(String url, String username, String password) {
	}

}
