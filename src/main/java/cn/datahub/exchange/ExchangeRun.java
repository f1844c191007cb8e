package cn.datahub.exchange;

import java.time.Instant;

/**
 * One run of a source to a target: what came in, what went out, what was rejected, and the error if it failed.
 *
 * @param status {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 */
public record ExchangeRun(long id, String resourceCode, String source, String target, Instant startedAt,
		Instant endedAt, long recordsIn, long recordsOut, long rejected, String status, String error) {
}
