package cn.datahub.access;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Deadlines counted in working days of the shipped {@code config/calendar.yaml}: across 国庆 and 春节, onto and
 * across an adjusted working Saturday (调休), from a Friday evening or a holiday; weekends only in a year the
 * calendar lacks; a calendar with a wrong entry refused with the entry named.
 */
class WorkingDaysTests {

	private final WorkingDays days = new WorkingDays(WorkingDayCalendar.read(new FileSystemResource("config/calendar.yaml")));

	@Test
	void providerDeadlineFromAFridayEveningCrossesNationalDayAndCountsBothAdjustedWeekendDays() {
		// Submitted Friday 26 September 2025 in the evening: Sunday 28 September and Saturday 11 October are
		// working days, 1 to 8 October (国庆节、中秋节) are not.
		assertThat(this.days.add(LocalDate.of(2025, 9, 26), 10)).isEqualTo(LocalDate.of(2025, 10, 16));
	}

	@Test
	void deadlineCountedFromAHolidayMayFallOnAnAdjustedWorkingSaturday() {
		assertThat(this.days.add(LocalDate.of(2025, 10, 3), 3)).isEqualTo(LocalDate.of(2025, 10, 11));
	}

	@Test
	void complianceCheckFromAFridayCountsTheAdjustedSaturdayAfterSpringFestival() {
		// Saturday 8 February 2025 is worked (春节调休): two working days from Friday the 7th end on Monday the 10th.
		assertThat(this.days.add(LocalDate.of(2025, 2, 7), 2)).isEqualTo(LocalDate.of(2025, 2, 10));
	}

	@ParameterizedTest(name = "{0} + {1} working days = {2}")
	@CsvSource({
		"2025-01-27, 10, 2025-02-17",
		"2020-01-23, 1, 2020-02-03",
		"2023-09-28, 1, 2023-10-07",
		"2024-02-08, 2, 2024-02-18",
		"2026-09-30, 2, 2026-10-09",
		"2026-02-13, 1, 2026-02-14",
	})
	void holidaysOfEverySeededYearAreSkipped(LocalDate start, int n, LocalDate due) {
		assertThat(this.days.add(start, n)).isEqualTo(due);
	}

	@Test
	void workingDaysBetweenCountTheEndNotTheStartAndRunBackwardsNegative() {
		assertThat(this.days.between(LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 16))).isEqualTo(10);
		assertThat(this.days.between(LocalDate.of(2025, 10, 16), LocalDate.of(2025, 9, 26))).isEqualTo(-10);
		assertThat(this.days.between(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8))).isZero();
	}

	@Test
	void aYearTheCalendarLacksCountsWeekendsOnlyAndSaysSo() {
		assertThat(this.days.add(LocalDate.of(2027, 1, 1), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(this.days.complete(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 4))).isFalse();
		assertThat(this.days.complete(LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 4))).isTrue();
	}

	@Test
	void anAdjustedWorkingDayThatIsNotAWeekendDayIsRefusedNamingIt() {
		assertThatIllegalStateException().isThrownBy(() -> calendar("""
				years:
				  2025:
				    holidays:
				      - { name: 春节, from: 2025-01-28, to: 2025-02-04 }
				    workdays: [2025-01-26, 2025-02-07]
				""")).withMessageContaining("years.2025.workdays[1]").withMessageContaining("2025-02-07");
	}

	@Test
	void aHolidayThatEndsBeforeItBeginsIsRefusedNamingIt() {
		assertThatIllegalStateException().isThrownBy(() -> calendar("""
				years:
				  2025:
				    holidays:
				      - { name: 国庆节、中秋节, from: 2025-10-08, to: 2025-10-01 }
				""")).withMessageContaining("years.2025.holidays[0] (国庆节、中秋节)");
	}

	private static WorkingDayCalendar calendar(String yaml) {
		return WorkingDayCalendar.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "calendar.yaml"));
	}

}
