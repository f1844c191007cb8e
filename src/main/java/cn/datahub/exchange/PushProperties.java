package cn.datahub.exchange;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub pushes to the exchange platforms and other HTTP targets ({@code hub.exchange.push.*} in
 * {@code config/application.yml}); the retry settings are read by {@code routes/push-errors.camel.yaml}.
 *
 * @param platforms the municipal and provincial exchange platforms (a Spring resource location)
 * @param maximumRedeliveries how often a batch is sent again after a 5xx, a timeout or a reset connection
 * @param redeliveryDelayMs the first wait; each next one is twice as long
 * @param maximumRedeliveryDelayMs the longest wait between two attempts
 * @param breakerOpenSeconds how long a target's open circuit breaker refuses batches before it tries again
 * @param datasources the databases JDBC targets may write, by name
 */
@ConfigurationProperties("hub.exchange.push")
public record PushProperties(@DefaultValue("classpath:config/platforms.yaml") String platforms,
		@DefaultValue("4") int maximumRedeliveries, @DefaultValue("1000") long redeliveryDelayMs,
		@DefaultValue("30000") long maximumRedeliveryDelayMs, @DefaultValue("60") int breakerOpenSeconds,
		Map<String, SourceProperties.Database> datasources) {

	public PushProperties {
		datasources = datasources == null ? Map.of() : Map.copyOf(datasources);
	}

}
