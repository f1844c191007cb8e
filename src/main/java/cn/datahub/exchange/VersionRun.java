package cn.datahub.exchange;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A live run of record versions as lookups see it: its level, size, directory (each block's first fingerprint head,
 * in order), a filter of the heads it holds ({@code null} until built, or for a run too large to keep one) and, for a
 * merged run, its file ({@code null} for a run whose blocks are rows: a batch's, or one merged before {@code V18}).
 */
record VersionRun(long id, int level, long entries, long[] firstHeads, BloomFilter heads, RunFile file) {

	/** Bits a head in a run's filter: about one lookup in twenty reads a block of a run that does not hold it. */
	static final int FILTER_BITS = 8;

	/**
	 * The largest run that keeps a filter (4 MB of memory): a larger one, the last level of a large repository, is
	 * read for every version that may be recorded, and holds most of them.
	 */
	static final long FILTERED_ENTRIES = 4L << 20;

	/** Whether the run may hold a version with this head: false only when it surely does not. */
	boolean mayHold(long head) {
		return this.heads == null || this.heads.mayHold(head);
	}

	VersionRun withHeads(BloomFilter filter) {
		return new VersionRun(this.id, this.level, this.entries, this.firstHeads, filter, this.file);
	}

	VersionRun atLevel(int newLevel) {
		return new VersionRun(this.id, newLevel, this.entries, this.firstHeads, this.heads, this.file);
	}

	/** A filter for a run of that many entries, or null for one too large to keep one. */
	static BloomFilter filterFor(long entries) {
		return entries <= FILTERED_ENTRIES ? BloomFilter.forKeys(entries, FILTER_BITS) : null;
	}

	/** The place in the run of the block that may hold {@code head}, or -1 when no block can. */
	int blockOf(long head) {
		int found = Arrays.binarySearch(this.firstHeads, head);
		return found >= 0 ? found : -found - 2;
	}

	/** Numbers as a run's row keeps them (its directory, its blocks' ends): 8 bytes big-endian each. */
	static byte[] encode(long[] numbers) {
		ByteBuffer bytes = ByteBuffer.allocate(numbers.length * Long.BYTES);
		bytes.asLongBuffer().put(numbers);
		return bytes.array();
	}

	static long[] decode(byte[] numbers) {
		long[] decoded = new long[numbers.length / Long.BYTES];
		ByteBuffer.wrap(numbers).asLongBuffer().get(decoded);
		return decoded;
	}

}
