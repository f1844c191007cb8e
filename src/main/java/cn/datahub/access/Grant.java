package cn.datahub.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an approval gives the consumer: the resource's items it may receive, through which days, masked or not,
 * delivered by an exchange target of its own while the grant is active.
 *
 * @param validUntil the last day the grant delivers; it expires the day after
 * @param targetName the exchange target that delivers the grant's records to the consumer
 * @param revokedReason why the provider withdrew it
 * @param endedBy who ended it (the approver who revoked it, or the hub when it expired)
 */
record Grant(long id, long requestId, String resourceCode, String providerCode, String consumerCode,
		List<String> fields, LocalDate validFrom, LocalDate validUntil, boolean masked, GrantStatus status,
		String targetName, String revokedReason, String endedBy, Instant endedAt) {

	Grant {
		fields = List.copyOf(fields);
	}

}
