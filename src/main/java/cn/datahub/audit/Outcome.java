package cn.datahub.audit;

/**
 * How an audited action ended.
 */
public enum Outcome {

	/** The change was made, the login succeeded. */
	DONE,

	/** The caller was not allowed to. */
	REFUSED,

	/** A login that did not succeed. */
	FAILED

}
