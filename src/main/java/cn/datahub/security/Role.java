package cn.datahub.security;

/**
 * What an account may do. Every role but {@link #ADMIN} is bound to the account's department, and {@link #AUDITOR}
 * to its region and everything below it.
 */
public enum Role {

	/** Maintains its own department's resources. */
	REGISTRAR,

	/** Decides access requests for its own department's resources. */
	APPROVER,

	/** Searches, requests and receives data for its own department. */
	CONSUMER,

	/** Reads reports and the audit trail of a region and everything below it. */
	AUDITOR,

	/** Maintains exchange attachments and targets. */
	OPERATOR,

	/**
	 * Manages accounts and may do what a registrar and an operator do, for any department; never submits or decides
	 * access requests (role separation, GB/T 39477).
	 */
	ADMIN

}
