package cn.datahub.exchange;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Masks a text in its UTF-8 bytes by a rule's {@link MaskingRule#cut}: the bytes the rule keeps are copied, never
 * decoded into a string and encoded again. The texts come from Avro encodings written from Java strings, so they
 * are well formed. One instance serves one thread; its buffers are reused from text to text.
 */
final class Utf8Masking {

	/** The text's code points, and where each starts in its bytes (and where the last ends). */
	private int[] codePoints = new int[64];

	private int[] starts = new int[65];

	private final IntUnaryOperator codePointAt = i -> this.codePoints[i];

	private byte[] masked = new byte[256];

	/**
	 * Masks the text whose UTF-8 bytes are {@code in[from, to)}; answers the masked text's length, its bytes being
	 * the first of {@link #masked()} until the next call.
	 */
	int mask(byte[] in, int from, int to, MaskingRule rule) {
		int length = decode(in, from, to);
		MaskingRule.Cut cut = rule.cut(length, this.codePointAt);
		int head = this.starts[cut.head()] - from;
		int tail = this.starts[length - cut.tail()];
		int size = head + cut.stars() + to - tail;
		if (size > this.masked.length) {
			this.masked = new byte[Math.max(size, this.masked.length * 2)];
		}
		System.arraycopy(in, from, this.masked, 0, head);
		Arrays.fill(this.masked, head, head + cut.stars(), (byte) '*');
		System.arraycopy(in, tail, this.masked, head + cut.stars(), to - tail);
		return size;
	}

	byte[] masked() {
		return this.masked;
	}

	/** Reads the bytes into {@link #codePoints} and {@link #starts}; answers how many code points there are. */
	private int decode(byte[] in, int from, int to) {
		if (this.starts.length <= to - from) {
			this.codePoints = new int[to - from];
			this.starts = new int[to - from + 1];
		}
		int count = 0;
		int at = from;
		while (at < to) {
			this.starts[count] = at;
			int b = in[at];
			if (b >= 0) {
				this.codePoints[count++] = b;
				at++;
			}
			else if ((b & 0xE0) == 0xC0) {
				this.codePoints[count++] = (b & 0x1F) << 6 | in[at + 1] & 0x3F;
				at += 2;
			}
			else if ((b & 0xF0) == 0xE0) {
				this.codePoints[count++] = (b & 0x0F) << 12 | (in[at + 1] & 0x3F) << 6 | in[at + 2] & 0x3F;
				at += 3;
			}
			else {
				this.codePoints[count++] = (b & 0x07) << 18 | (in[at + 1] & 0x3F) << 12 | (in[at + 2] & 0x3F) << 6
						| in[at + 3] & 0x3F;
				at += 4;
			}
		}
		this.starts[count] = to;
		return count;
	}

}
