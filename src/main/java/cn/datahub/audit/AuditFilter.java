package cn.datahub.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

import cn.datahub.catalogue.Uscc;
import cn.datahub.system.BadParameter;

/**
 * What an auditor asks of the trail, checked: every filter is optional and they all apply.
 *
 * @param action a prefix: {@code resource.} finds every resource change
 * @param from the first instant included
 * @param to the first instant no longer included
 * @param regions the regions whose departments' entries the auditor may read; null: the whole trail
 */
record AuditFilter(String actor, String action, String subject, String outcome, String department, Instant from,
		Instant to, Set<String> regions) {

	private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

	/** The query string's values as given; a malformed one is a {@link BadParameter} naming it. */
	static AuditFilter parse(String actor, String action, String subject, String outcome, String department,
			String from, String to, ZoneId zone) {
		if (actor != null && actor.length() > 100) {
			throw new BadParameter("actor", "actor is at most 100 characters");
		}
		if (action != null && !ACTION.matcher(action).matches()) {
			throw new BadParameter("action", "Invalid value '" + action
					+ "' for action: lower-case letters, digits, '.' and '-', such as resource. or login.failed");
		}
		if (subject != null && subject.length() > 300) {
			throw new BadParameter("subject", "subject is at most 300 characters");
		}
		if (outcome != null && Arrays.stream(Outcome.values()).noneMatch(o -> o.name().equals(outcome))) {
			throw new BadParameter("outcome", "Invalid value '" + outcome + "' for outcome; allowed: "
					+ String.join(", ", Arrays.stream(Outcome.values()).map(Outcome::name).toList()));
		}
		if (department != null && !Uscc.isValid(department)) {
			throw new BadParameter("department", "Invalid value '" + department
					+ "' for department: a unified social credit code (统一社会信用代码) of 18 characters");
		}
		Instant start = instant("from", from, zone, false);
		Instant end = instant("to", to, zone, true);
		if (start != null && end != null && !start.isBefore(end)) {
			throw new BadParameter("to", "to must be after from");
		}
		return new AuditFilter(actor, action, subject, outcome, department, start, end, null);
	}

	/** The same filter, limited to the departments of these regions. */
	AuditFilter within(Set<String> readable) {
		return new AuditFilter(this.actor, this.action, this.subject, this.outcome, this.department, this.from, this.to,
				readable);
	}

	/**
	 * A date ({@code 2024-05-01}, a whole day in the hub's zone: {@code to} includes it) or a date-time with its
	 * offset ({@code 2024-05-01T08:30:00+08:00}).
	 */
	private static Instant instant(String parameter, String value, ZoneId zone, boolean end) {
		if (value == null) {
			return null;
		}
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException ex) {
			throw new BadParameter(parameter, "Invalid value '" + value + "' for " + parameter
					+ ": a date (2024-05-01) or a date-time with its offset (2024-05-01T08:30:00+08:00)");
		}
	}

}
