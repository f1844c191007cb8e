package cn.datahub.exchange;

import java.time.Instant;

/**
 * A record refused on its way: the raw text as the source gave it, where it came from, and why.
 *
 * @param status {@code OPEN} until it is replayed ({@code REPLAYED}) or given up ({@code DISCARDED})
 */
public record DeadLetter(long id, String resourceCode, String source, Long runId, long line, String raw, String field,
		String reason, String reasonZh, Instant createdAt, String status, Instant resolvedAt) {
}
