package cn.datahub.exchange;

/**
 * How a target receives its batches.
 */
enum TargetKind {

	/** POSTed as JSON through a push-http route of its own. */
	HTTP,

	/** Written as Avro object container files under {@code <outbox>/<name>/<resourceCode>/}. */
	FILE,

	/** Written into a table of a department database through a push-jdbc route of its own. */
	JDBC

}
