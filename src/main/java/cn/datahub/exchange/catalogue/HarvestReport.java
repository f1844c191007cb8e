package cn.datahub.exchange.catalogue;

import java.util.List;

/**
 * What one harvest of a platform's catalogue did.
 *
 * @param runId its run in the exchange log
 * @param status {@code SUCCEEDED} or {@code FAILED}
 * @param read the entries the platform sent
 * @param stored the entries new to the hub or newer than the copy it had
 * @param unchanged the entries the hub had in this version or a later one
 * @param rejected the entries skipped, each with why
 * @param error why the harvest stopped, if it failed
 */
record HarvestReport(String platform, long runId, String status, int read, int stored, int unchanged,
		List<Rejection> rejected, String error) {

	/** An entry that could not be taken: where it was and why. */
	record Rejection(int page, int position, String code, String reason) {
	}

}
