package cn.datahub.exchange;

import java.io.IOException;
import java.util.List;

/**
 * Where records go: the file outbox, an exchange platform, a consumer's endpoint. A target either confirms a
 * whole batch or throws; only a confirmed batch is recorded as delivered and acknowledged to the source.
 */
interface Target {

	/** The name the exchange log and the idempotent repository know the target by. */
	String name();

	/** Whether personal items are masked before they reach this target. */
	boolean masked();

	/** The only items this target receives (a consumer's grant); empty: every item. */
	default List<String> fields() {
		return List.of();
	}

	/**
	 * Whether the target reads its batches as records ({@link TargetBatch#records()}); a run whose targets all take
	 * the records' encodings instead keeps no records in memory, only their encodings.
	 */
	default boolean readsRecords() {
		return true;
	}

	/**
	 * Delivers one batch. Its id names the batch the same way each time the same source is read, so a target that
	 * keeps files can replace a half-delivered batch instead of keeping it twice.
	 */
	void deliver(TargetBatch batch) throws IOException;

}
