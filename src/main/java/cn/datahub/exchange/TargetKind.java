package cn.datahub.exchange;

/**
 * How a target receives its batches.
 */
enum TargetKind {

	/** POSTed as JSON through a push-http route of its own. */
	HTTP,

	/** Written as Avro object container files under {@code <outbox>/<name>/<resourceCode>/}. */
	FILE

}
