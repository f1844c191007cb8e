package cn.datahub.access;

/**
 * Where a request stands. A request approved follows its grant: {@link #REVOKED} or {@link #EXPIRED} when the
 * grant ends.
 */
public enum RequestStatus {

	/** Under review (待审核). */
	SUBMITTED,

	/** Granted (已批准). */
	APPROVED,

	/** Refused, with the reason (已驳回). */
	REJECTED,

	/** Its grant was withdrawn by the provider, with the reason (已撤销). */
	REVOKED,

	/** Its grant ran past its last day (已过期). */
	EXPIRED

}
