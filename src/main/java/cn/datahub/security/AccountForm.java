package cn.datahub.security;

import java.util.List;

/**
 * An account as an administrator writes it. The password is optional on a change (kept when absent) and for an
 * account that signs in only through the identity provider.
 */
public record AccountForm(String username, String password, String departmentCode, String regionCode,
		List<Role> roles) {

	public AccountForm {
		roles = roles == null ? List.of() : List.copyOf(roles);
	}

	@Override
	public String toString() {
		return "AccountForm[username=" + this.username + ", departmentCode=" + this.departmentCode + ", regionCode="
				+ this.regionCode + ", roles=" + this.roles + "]";
	}

}
