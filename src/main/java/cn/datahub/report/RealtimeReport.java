package cn.datahub.report;

import java.time.Duration;
import java.time.Instant;

/**
 * The real-time collection and sharing rates of a scope, counted {@code at} an instant with a source or delivery
 * counting as live when it succeeded within {@code freshness}.
 */
public record RealtimeReport(Instant at, Duration freshness, RateReport collection, RateReport sharing) {
}
