package cn.datahub.audit;

import java.time.Instant;

/**
 * One entry of the audit trail as stored and answered.
 *
 * @param seq its place in the chain, from 1 without gaps
 * @param time when the action was taken (a change: when it was made; it is chained when its transaction commits)
 * @param actor the username, {@code system} for the hub's own work, or the username tried at a failed login
 * @param department the actor's department, if it has one
 * @param remoteAddress the address the request came from, none outside a request
 * @param action what was done: {@code resource.update}, {@code login.failed}, {@code access.refused} ...
 * @param subject what it was done to: {@code resource:371525-GA-0001}, {@code target:city-platform} ...
 * @param outcome {@link Outcome}: {@code DONE}, {@code REFUSED} or {@code FAILED}; kept as text, so that a row
 * altered to anything else is still read and reported
 * @param detail why a refusal or a failed login happened
 * @param before the subject as JSON before a change (none for a creation)
 * @param after the subject as JSON after a change (none for a deletion)
 * @param previousHash the hash of entry {@code seq - 1} (64 zeros for the first)
 * @param hash this entry's hash ({@link EntryHash})
 */
public record AuditEntry(long seq, Instant time, String actor, String department, String remoteAddress,
		String action, String subject, String outcome, String detail, String before, String after,
		String previousHash, String hash) {

	/** This entry placed at {@code position} in the chain, after the entry whose hash is {@code previous}. */
	AuditEntry chained(long position, String previous) {
		AuditEntry placed = new AuditEntry(position, this.time, this.actor, this.department, this.remoteAddress,
				this.action, this.subject, this.outcome, this.detail, this.before, this.after, previous, null);
		return new AuditEntry(position, this.time, this.actor, this.department, this.remoteAddress, this.action,
				this.subject, this.outcome, this.detail, this.before, this.after, previous, EntryHash.of(placed));
	}

}
