package cn.datahub.exchange;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryData;

/**
 * The Avro binary encoding of a record as a target receives it, made from the record's own encoding rather than
 * by encoding a projected and masked copy: the bytes of each item the target receives unchanged are copied, each
 * masked item is cut by its rule from its own bytes, and the items it may not see are left out. A masked record
 * differs from the record in a few items (five of the twenty of a person register), and encoding every item again
 * was, after compressing, most of a masked file target's work; decoding the masked items into strings and encoding
 * them again, most of what was left.
 * <p>
 * It walks the encoding as Avro lays out a record of a resource schema: the fields in order, an optional item as a
 * union whose index says null or a value, strings, bytes and decimals as a length and the bytes, integers, dates
 * and times as variable-length zig-zag numbers. One encoding serves one target's batch on one thread.
 */
final class TargetEncoding {

	private final List<Item> items = new ArrayList<>();

	private byte[] buffer = new byte[1024];

	private int size;

	/** A masked text's code points, and where each starts in the encoding; reused from text to text. */
	private int[] codePoints = new int[64];

	private int[] starts = new int[65];

	private final IntUnaryOperator codePointAt = i -> this.codePoints[i];

	/**
	 * @param target the full schema, or a projection of it ({@link Projection}) with the same fields in the same order
	 * @param masks the rule for each masked item, by name; text items only
	 */
	TargetEncoding(Schema full, Schema target, Map<String, MaskingRule> masks) {
		for (Schema.Field field : full.getFields()) {
			boolean union = field.schema().isUnion();
			Schema.Type type = (union ? field.schema().getTypes().get(1) : field.schema()).getType();
			MaskingRule mask = masks.get(field.name());
			if (mask != null && type != Schema.Type.STRING) {
				throw new IllegalArgumentException("only text items are masked, not " + field.name() + " (" + type + ")");
			}
			this.items.add(new Item(union, type, target.getField(field.name()) != null, mask));
		}
	}

	/** The target's encoding of a record of the full schema; the buffer is overwritten by the next call. */
	ByteBuffer of(byte[] in) {
		this.size = 0;
		int at = 0;
		for (Item item : this.items) {
			int start = at;
			boolean present = true;
			if (item.union()) {
				present = in[at++] != 0;
			}
			if (present) {
				at = skip(in, at, item.type());
			}
			if (!item.kept()) {
				continue;
			}
			if (present && item.mask() != null) {
				if (item.union()) {
					write(2);
				}
				writeMasked(in, BinaryData.skipLong(in, item.union() ? start + 1 : start), at, item.mask());
			}
			else {
				write(in, start, at - start);
			}
		}
		return ByteBuffer.wrap(this.buffer, 0, this.size);
	}

	/**
	 * Writes the text whose UTF-8 bytes are {@code in[from, to)} masked by {@code rule}, as a length and the bytes:
	 * the bytes the rule keeps are copied, never decoded into a string and encoded again.
	 */
	private void writeMasked(byte[] in, int from, int to, MaskingRule rule) {
		int length = decode(in, from, to);
		MaskingRule.Cut cut = rule.cut(length, this.codePointAt);
		int head = this.starts[cut.head()] - from;
		int tail = this.starts[length - cut.tail()];
		writeLength(head + cut.stars() + to - tail);
		write(in, from, head);
		ensure(cut.stars());
		Arrays.fill(this.buffer, this.size, this.size + cut.stars(), (byte) '*');
		this.size += cut.stars();
		write(in, tail, to - tail);
	}

	/**
	 * Reads the UTF-8 bytes {@code in[from, to)} into {@link #codePoints}, noting where each starts in
	 * {@link #starts} (and where the last ends); answers how many there are. Avro wrote them from a Java string, so
	 * they are well formed.
	 */
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

	/** Where the value of {@code type} that starts at {@code at} ends. */
	private static int skip(byte[] in, int at, Schema.Type type) {
		return switch (type) {
			case STRING, BYTES -> BinaryData.skipLong(in, at) + (int) number(in, at);
			case INT, LONG -> BinaryData.skipLong(in, at);
			case BOOLEAN -> at + 1;
			case FLOAT -> at + 4;
			case DOUBLE -> at + 8;
			default -> throw new IllegalStateException("resource schemas have no " + type + " items");
		};
	}

	/**
	 * The zig-zag number that starts at {@code at}: seven bits a byte, the lowest first, the high bit of each byte
	 * but the last saying another follows ({@link BinaryData#skipLong} finds its end).
	 */
	private static long number(byte[] in, int at) {
		long raw = 0;
		int shift = 0;
		int next = at;
		byte b;
		do {
			b = in[next++];
			raw |= (long) (b & 0x7F) << shift;
			shift += 7;
		}
		while (b < 0);
		return (raw >>> 1) ^ -(raw & 1);
	}

	/** A length as Avro writes it: zig-zag, seven bits a byte, five bytes at most. */
	private void writeLength(int length) {
		ensure(5);
		this.size += BinaryData.encodeInt(length, this.buffer, this.size);
	}

	private void write(int b) {
		ensure(1);
		this.buffer[this.size++] = (byte) b;
	}

	private void write(byte[] bytes, int offset, int length) {
		ensure(length);
		System.arraycopy(bytes, offset, this.buffer, this.size, length);
		this.size += length;
	}

	private void ensure(int more) {
		if (this.size + more > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.size + more));
		}
	}

	/** A field of the full schema: its type, whether the target receives it, and its mask if any. */
	private record Item(boolean union, Schema.Type type, boolean kept, MaskingRule mask) {
	}

}
