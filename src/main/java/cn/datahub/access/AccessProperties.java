package cn.datahub.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access workflow's settings ({@code hub.access.*} in {@code config/application.yml}).
 *
 * @param settings the operator's review stages, longest period and webhooks (a Spring resource location)
 * @param calendar the working-day calendar the deadlines are counted in (a Spring resource location)
 * @param expiryCheck how often grants past their last day are ended (they are also checked whenever read)
 * @param webhookPeriod how often webhook calls waiting to be made are looked at
 * @param webhookTimeout how long a department's webhook may take to answer
 * @param webhookAttempts how many times a webhook call is tried before it is given up (and logged)
 */
@ConfigurationProperties("hub.access")
public record AccessProperties(@DefaultValue("classpath:config/access.yaml") String settings,
		@DefaultValue("classpath:config/calendar.yaml") String calendar, @DefaultValue("1h") Duration expiryCheck,
		@DefaultValue("5s") Duration webhookPeriod, @DefaultValue("10s") Duration webhookTimeout,
		@DefaultValue("8") int webhookAttempts) {
}
