package cn.datahub.exchange;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

	private final Utf8Masking masking = new Utf8Masking();

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
				int length = this.masking.mask(in, BinaryData.skipLong(in, item.union() ? start + 1 : start), at,
						item.mask());
				writeLength(length);
				write(this.masking.masked(), 0, length);
			}
			else {
				write(in, start, at - start);
			}
		}
		return ByteBuffer.wrap(this.buffer, 0, this.size);
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
