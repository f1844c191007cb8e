package cn.datahub.exchange.catalogue;

import java.time.Instant;

/**
 * How far a platform has taken the catalogue's changes.
 *
 * @param platform the platform's name
 * @param lastHistoryId the last change of {@code resource_history} the platform confirmed, or passed as none of its
 * concern
 * @param pendingTo the last change of a batch sent and not yet confirmed, sent again as it was; null when none
 * @param heldSince when the platform refused the pending batch (a 4xx): nothing is sent until an operator resumes
 * @param lastError why the last batch was not confirmed; null once one is
 */
record PushCursor(String platform, long lastHistoryId, Long pendingTo, Instant heldSince, String lastError,
		Instant updatedAt) {

	boolean held() {
		return this.heldSince != null;
	}

}
