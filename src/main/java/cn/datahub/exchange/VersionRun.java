package cn.datahub.exchange;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A live run of record versions as lookups see it: its level, size and directory (each block's first fingerprint
 * head, in order).
 */
record VersionRun(long id, int level, long entries, long[] firstHeads) {

	/** The id of the block that may hold {@code head}, or -1 when no block can. */
	long blockOf(long head) {
		int found = Arrays.binarySearch(this.firstHeads, head);
		int block = found >= 0 ? found : -found - 2;
		return block < 0 ? -1 : VersionRunWriter.blockId(this.id, block);
	}

	static byte[] encode(long[] firstHeads) {
		ByteBuffer bytes = ByteBuffer.allocate(firstHeads.length * Long.BYTES);
		bytes.asLongBuffer().put(firstHeads);
		return bytes.array();
	}

	static long[] decode(byte[] firstHeads) {
		long[] heads = new long[firstHeads.length / Long.BYTES];
		ByteBuffer.wrap(firstHeads).asLongBuffer().get(heads);
		return heads;
	}

}
