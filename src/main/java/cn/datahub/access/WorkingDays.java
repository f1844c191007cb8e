package cn.datahub.access;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Counts working days (工作日) in the calendar of {@code config/calendar.yaml}. The day a count starts from never
 * counts itself, whatever the hour: a request submitted on a Friday evening or on a holiday has its first working
 * day on the next working day. Across a year the calendar does not hold, weekends alone are skipped, and that is
 * logged once a year so that the operator adds it.
 */
@Component
public class WorkingDays {

	private static final Logger log = LoggerFactory.getLogger(WorkingDays.class);

	private final WorkingDayCalendar calendar;

	private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

	@Autowired
	WorkingDays(ResourceLoader loader, AccessProperties properties) {
		this(WorkingDayCalendar.read(loader.getResource(properties.calendar())));
	}

	WorkingDays(WorkingDayCalendar calendar) {
		this.calendar = calendar;
	}

	/** The {@code n}th working day after {@code start}. */
	public LocalDate add(LocalDate start, int n) {
		if (n < 1) {
			throw new IllegalArgumentException("count at least one working day, not " + n);
		}
		LocalDate day = start;
		for (int counted = 0; counted < n;) {
			day = day.plusDays(1);
			if (this.calendar.isWorkingDay(day)) {
				counted++;
			}
		}
		complete(start, day);
		return day;
	}

	/**
	 * The working days after {@code from} up to and including {@code to}; negative, counted the same way, when
	 * {@code to} is before {@code from}.
	 */
	public int between(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -between(to, from);
		}
		complete(from, to);
		return (int) from.plusDays(1).datesUntil(to.plusDays(1)).filter(this.calendar::isWorkingDay).count();
	}

	/** Whether the calendar holds every year from {@code from} to {@code to}; a year it lacks is logged once. */
	public boolean complete(LocalDate from, LocalDate to) {
		boolean complete = true;
		for (int year = Math.min(from.getYear(), to.getYear()); year <= Math.max(from.getYear(), to.getYear()); year++) {
			if (!this.calendar.knows(year)) {
				complete = false;
				if (this.warned.add(year)) {
					log.warn("config/calendar.yaml has no holidays for {}: working days in {} are counted as Monday "
							+ "to Friday until the State Council's arrangement for {} is added", year, year, year);
				}
			}
		}
		return complete;
	}

}
