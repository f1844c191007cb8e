package cn.datahub.security;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An account of the hub as it is stored. The password hash never leaves the security package's persistence: it is
 * not serialised.
 *
 * @param lockedUntil set while repeated failed logins keep the account locked
 */
public record Account(String username, @JsonIgnore String passwordHash, String departmentCode, String regionCode,
		Set<Role> roles, int failedLogins, Instant lockedUntil) {

	public Account {
		roles = Set.copyOf(roles);
	}

	Caller caller() {
		return new Caller(this.username, this.departmentCode, this.regionCode, this.roles);
	}

	public boolean hasPassword() {
		return this.passwordHash != null;
	}

	boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
