package cn.datahub.access;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.system.OperatorFiles;

import org.springframework.core.io.Resource;

/**
 * The Chinese working-day calendar of {@code config/calendar.yaml}: per year, the public holidays and the
 * weekend days made working days (调休) by the State Council's notice. Checked whole when read, so a deadline is
 * never counted in a misread calendar.
 */
final class WorkingDayCalendar {

	private final Set<Integer> years = new HashSet<>();

	private final Set<LocalDate> holidays = new HashSet<>();

	private final Set<LocalDate> workdays = new HashSet<>();

	private WorkingDayCalendar() {
	}

	static WorkingDayCalendar read(Resource file) {
		String location = file.getDescription();
		JsonNode root = OperatorFiles.read(file, "working-day calendar");
		if (root == null || !root.path("years").isObject()) {
			throw new IllegalStateException(location + ": expected 'years'");
		}
		WorkingDayCalendar calendar = new WorkingDayCalendar();
		root.path("years").properties().forEach(year -> calendar.addYear(location + ": years." + year.getKey(),
				year.getKey(), year.getValue()));
		return calendar;
	}

	/** Whether the State Council's arrangement for the year is in the file. */
	boolean knows(int year) {
		return this.years.contains(year);
	}

	/** A working day by the calendar; in a year it does not know, Monday to Friday. */
	boolean isWorkingDay(LocalDate day) {
		if (this.workdays.contains(day)) {
			return true;
		}
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !this.holidays.contains(day);
	}

	private void addYear(String where, String key, JsonNode entry) {
		if (!key.matches("\\d{4}")) {
			throw new IllegalStateException(where + ": '" + key + "' is not a year");
		}
		int year = Integer.parseInt(key);
		this.years.add(year);
		int i = 0;
		for (JsonNode holiday : entry.path("holidays")) {
			String at = where + ".holidays[" + i++ + "] (" + holiday.path("name").asText("?") + ")";
			LocalDate from = date(at + ".from", holiday.path("from"));
			LocalDate to = date(at + ".to", holiday.path("to"));
			if (to.isBefore(from) || to.getYear() != year || from.getYear() < year - 1) {
				throw new IllegalStateException(at + ": " + from + " to " + to + " is not a holiday of " + year);
			}
			from.datesUntil(to.plusDays(1)).forEach(this.holidays::add);
		}
		i = 0;
		for (JsonNode node : entry.path("workdays")) {
			String at = where + ".workdays[" + i++ + "]";
			LocalDate day = date(at, node);
			if (day.getYear() != year || day.getDayOfWeek().getValue() < DayOfWeek.SATURDAY.getValue()) {
				throw new IllegalStateException(at + ": " + day + " is not a Saturday or Sunday of " + year
						+ "; an adjusted working day (调休) always is");
			}
			this.workdays.add(day);
		}
	}

	private static LocalDate date(String where, JsonNode node) {
		try {
			return LocalDate.parse(node.asText());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException(where + ": '" + node.asText() + "' is not a date (yyyy-MM-dd)");
		}
	}

}
