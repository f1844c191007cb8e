package cn.datahub.exchange;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * A record version's identity: the SHA-256 of its Avro form, which holds its key, kept as four numbers so that a
 * batch's maps and sets hash and compare it in a few instructions; text (hex) only where people read it.
 */
record Fingerprint(long head, long second, long third, long fourth) {

	static Fingerprint of(byte[] sha256) {
		ByteBuffer bytes = ByteBuffer.wrap(sha256);
		return new Fingerprint(bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong());
	}

	static Fingerprint parse(String hex) {
		return of(HexFormat.of().parseHex(hex));
	}

	byte[] bytes() {
		return ByteBuffer.allocate(VersionRunWriter.FINGERPRINT)
			.putLong(this.head)
			.putLong(this.second)
			.putLong(this.third)
			.putLong(this.fourth)
			.array();
	}

	@Override
	public String toString() {
		return HexFormat.of().formatHex(bytes());
	}

}
