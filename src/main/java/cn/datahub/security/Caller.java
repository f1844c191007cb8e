package cn.datahub.security;

import java.util.Set;

import org.apache.shiro.subject.Subject;
import org.apache.shiro.util.ThreadContext;

/**
 * Who is calling: an authenticated account with the department its roles are bound to, and the region an auditor
 * reads. Work the hub does on its own (routes, timers) runs as {@link #SYSTEM}.
 */
public record Caller(String username, String departmentCode, String regionCode, Set<Role> roles) {

	public static final Caller SYSTEM = new Caller("system", null, null, Set.of());

	public Caller {
		roles = Set.copyOf(roles);
	}

	/** The caller of the request this thread serves, or {@link #SYSTEM} outside a request. */
	public static Caller current() {
		Subject subject = ThreadContext.getSubject();
		return subject != null && subject.getPrincipal() instanceof Caller caller ? caller : SYSTEM;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** Holds the role for the department: its own, never another's. */
	public boolean actsFor(Role role, String department) {
		return has(role) && department != null && department.equals(this.departmentCode);
	}

}
