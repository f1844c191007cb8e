package cn.datahub.audit;

/**
 * What walking the chain found: intact, or the first entry that is not what was appended.
 *
 * @param entries how many entries were checked and found sound
 * @param lastHash the hash the chain ends with when intact: noted outside the hub, it lets a later verification
 * show that nothing was rewritten since, not even the whole chain from some entry on
 * @param sequence the first broken entry's sequence number
 * @param problem {@code altered} (its content no longer gives its hash, or its hash is not the one the next entry
 * chained to), {@code missing} (removed: a gap in the sequence, or the end short of the head) or {@code inserted}
 * (an entry beyond the last one appended)
 */
public record Verification(boolean intact, long entries, String lastHash, Long sequence, String problem,
		String detail) {

	static Verification intact(long entries, String lastHash) {
		return new Verification(true, entries, lastHash, null, null, null);
	}

	static Verification broken(long entries, long sequence, String problem, String detail) {
		return new Verification(false, entries, null, sequence, problem, detail);
	}

}
