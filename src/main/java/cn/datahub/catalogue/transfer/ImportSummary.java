package cn.datahub.catalogue.transfer;

/**
 * What an import did: resources created, changed, and found exactly as stored; {@code total} is the rows read.
 */
public record ImportSummary(int created, int updated, int unchanged, int total) {
}
