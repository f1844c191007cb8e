package cn.datahub.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A month's snapshot: the day its figures stand at, when it was taken and how many scopes it holds.
 */
public record SnapshotRun(String period, LocalDate asOf, Instant takenAt, int scopes) {
}
