package cn.datahub.exchange;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Which keys may have been added: false only for a key surely never added. A blocked Bloom filter: all of a key's
 * bits are in one 64-bit word, so that adding and asking cost one read of memory each, not one a bit scattered over
 * megabytes. Safe to add to and ask from several threads: a key's bits are set with one atomic OR, not a
 * compare-and-set loop.
 */
final class BloomFilter {

	private static final int HASHES = 3;

	private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

	private final long[] words;

	BloomFilter(int words) {
		this.words = new long[Math.max(1, words)];
	}

	/** A filter of {@code bitsPerKey} bits for each of {@code keys} keys; eight make about one false yes in twenty. */
	static BloomFilter forKeys(long keys, int bitsPerKey) {
		return new BloomFilter((int) Math.min(Integer.MAX_VALUE, keys * bitsPerKey / Long.SIZE + 1));
	}

	boolean mayHold(long key) {
		long hash = mix(key);
		long mask = mask(hash);
		return ((long) WORDS.getVolatile(this.words, word(hash)) & mask) == mask;
	}

	void add(long key) {
		long hash = mix(key);
		WORDS.getAndBitwiseOr(this.words, word(hash), mask(hash));
	}

	/** The key's word: the hash's high half scaled to the filter's length, a multiplication where a modulo divides. */
	private int word(long hash) {
		return (int) (((hash >>> 32) * this.words.length) >>> 32);
	}

	/** The key's bits in its word, from a second hash. */
	private static long mask(long hash) {
		long second = mix(hash);
		long mask = 0;
		for (int i = 0; i < HASHES; i++) {
			mask |= 1L << (second >>> (6 * i));
		}
		return mask;
	}

	/** Murmur3's 64-bit finaliser: spreads the bits of a key over the whole word. */
	private static long mix(long value) {
		long h = value;
		h ^= h >>> 33;
		h *= 0xFF51AFD7ED558CCDL;
		h ^= h >>> 33;
		h *= 0xC4CEB9FE1A85EC53L;
		h ^= h >>> 33;
		return h;
	}

}
