package cn.datahub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash rule an outside auditor re-verifies the chain with (README, "Audit trail"): SHA-256, in lower-case hex,
 * over the entry's fields in a fixed order, each written as its length in UTF-8 bytes, a colon and its UTF-8 bytes,
 * or as a lone {@code -} when it is empty (null). Lengths make the serialization unambiguous whatever a field holds.
 */
final class EntryHash {

	/** The previous hash of the first entry. */
	static final String GENESIS = "0".repeat(64);

	/** Microseconds, as the database keeps them, always six digits, in UTC. */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private EntryHash() {
	}

	static String of(AuditEntry entry) {
		MessageDigest sha256 = sha256();
		for (String field : new String[] { Long.toString(entry.seq()), time(entry.time()), entry.actor(),
				entry.department(), entry.remoteAddress(), entry.action(), entry.subject(), entry.outcome(),
				entry.detail(), entry.before(), entry.after(), entry.previousHash() }) {
			if (field == null) {
				sha256.update((byte) '-');
			}
			else {
				byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
				sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
				sha256.update(bytes);
			}
		}
		return HexFormat.of().formatHex(sha256.digest());
	}

	static String time(Instant time) {
		return TIME.format(time);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
