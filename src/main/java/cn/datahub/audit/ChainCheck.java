package cn.datahub.audit;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Walks the chain from its first entry to the head, recomputing every hash, and reports the first entry that was
 * altered, removed or slipped in. Appends go on meanwhile: the walk stops at the head it read first.
 */
@Component
class ChainCheck {

	private static final int BATCH = 1000;

	private final AuditChain chain;

	ChainCheck(AuditChain chain) {
		this.chain = chain;
	}

	Verification verify() {
		AuditChain.Head head = this.chain.head();
		long checked = 0;
		String previous = EntryHash.GENESIS;
		List<AuditEntry> batch = this.chain.after(0, head.seq(), BATCH);
		while (!batch.isEmpty()) {
			for (AuditEntry entry : batch) {
				if (entry.seq() != checked + 1) {
					return Verification.broken(checked, checked + 1, "missing", "entries " + (checked + 1) + " to "
							+ (entry.seq() - 1) + " were removed: the sequence goes on at " + entry.seq());
				}
				if (!EntryHash.of(entry).equals(entry.hash())) {
					return Verification.broken(checked, entry.seq(), "altered",
							"entry " + entry.seq() + " no longer gives the hash it was stored with");
				}
				if (!entry.previousHash().equals(previous)) {
					long altered = Math.max(1, entry.seq() - 1);
					return Verification.broken(Math.max(0, checked - 1), altered, "altered", "entry " + altered
							+ " was rewritten with a new hash: entry " + entry.seq() + " chained to another");
				}
				previous = entry.hash();
				checked++;
			}
			batch = this.chain.after(checked, head.seq(), BATCH);
		}
		return end(head, checked, previous);
	}

	private Verification end(AuditChain.Head head, long checked, String previous) {
		if (checked < head.seq()) {
			return Verification.broken(checked, checked + 1, "missing",
					"entries " + (checked + 1) + " to " + head.seq() + " were removed from the end");
		}
		if (!previous.equals(head.hash())) {
			return Verification.broken(Math.max(0, checked - 1), checked, "altered",
					"entry " + checked + " was rewritten with a new hash: the head names another");
		}
		Long beyond = this.chain.firstBeyondHead();
		if (beyond != null) {
			return Verification.broken(checked, beyond, "inserted", "entry " + beyond
					+ " was never appended: the chain's head is entry " + head.seq());
		}
		return Verification.intact(checked, head.hash());
	}

}
