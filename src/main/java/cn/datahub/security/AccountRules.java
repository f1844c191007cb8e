package cn.datahub.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.InvalidInput;
import cn.datahub.catalogue.Violation;
import cn.datahub.catalogue.reference.ReferenceData;

import org.springframework.stereotype.Component;

/**
 * What an account must be: a username fit for logs and URLs, a password strong enough (at least 10 characters of
 * three kinds: lower case, upper case, digits, others), the department its department-bound roles act for, the
 * region an auditor audits, and no administrator who also requests, decides or audits (三员分立, GB/T 39477).
 */
@Component
class AccountRules {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");

	private static final Set<Role> DEPARTMENT_BOUND = EnumSet.of(Role.REGISTRAR, Role.APPROVER, Role.CONSUMER);

	private static final Set<Role> SEPARATE_FROM_ADMIN = EnumSet.of(Role.APPROVER, Role.CONSUMER, Role.AUDITOR);

	private final Departments departments;

	private final ReferenceData reference;

	AccountRules(Departments departments, ReferenceData reference) {
		this.departments = departments;
		this.reference = reference;
	}

	void check(AccountForm form, boolean passwordRequired) {
		List<Violation> violations = new ArrayList<>();
		if (form.username() == null || !USERNAME.matcher(form.username()).matches()) {
			violations.add(new Violation("username", "2 to 64 letters, digits or . _ @ -, starting with a letter or digit",
					"用户名须为2至64位字母、数字或 . _ @ -"));
		}
		if (form.password() != null || passwordRequired) {
			checkPassword(form, violations);
		}
		Set<Role> roles = form.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(form.roles());
		if (roles.stream().anyMatch(DEPARTMENT_BOUND::contains) || form.departmentCode() != null) {
			if (form.departmentCode() == null || !this.departments.exists(form.departmentCode())) {
				violations.add(new Violation("departmentCode", "Unknown department '" + form.departmentCode()
						+ "'; roles " + DEPARTMENT_BOUND + " act for a registered department", "部门不存在"));
			}
		}
		if (roles.contains(Role.AUDITOR) || form.regionCode() != null) {
			if (form.regionCode() == null || this.reference.region(form.regionCode()).isEmpty()) {
				violations.add(new Violation("regionCode", "Unknown region '" + form.regionCode()
						+ "'; an auditor audits a region of catalogue/regions.yaml", "行政区划不存在"));
			}
		}
		if (roles.contains(Role.ADMIN) && roles.stream().anyMatch(SEPARATE_FROM_ADMIN::contains)) {
			violations.add(new Violation("roles", "ADMIN cannot be combined with " + SEPARATE_FROM_ADMIN
					+ " (separation of duties, GB/T 39477)", "系统管理员不得兼任审批、使用或审计角色"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput("Invalid account", violations);
		}
	}

	private static void checkPassword(AccountForm form, List<Violation> violations) {
		String password = form.password() == null ? "" : form.password();
		int kinds = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
				+ (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
				+ (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
				+ (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
		boolean containsName = form.username() != null && !form.username().isEmpty()
				&& password.toLowerCase().contains(form.username().toLowerCase());
		if (password.length() < 10 || kinds < 3 || containsName) {
			violations.add(new Violation("password", "At least 10 characters of three kinds (lower case, upper case, "
					+ "digits, others), not containing the username", "密码至少10位，含大写、小写、数字、符号中的三类，且不含用户名"));
		}
	}

}
