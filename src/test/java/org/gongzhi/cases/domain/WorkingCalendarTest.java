package org.gongzhi.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Time limits as a dispatcher reads them: counted in working hours (09:00–12:00 and 13:00–18:00 Beijing time) on
 * working days, skipping weekends and holidays (放假) but counting make-up working days (调休上班); emergencies count
 * natural hours.
 */
class WorkingCalendarTest {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	/** The 2026 National Day week as the seed data has it: 1–7 October off, Saturday 10 October a working day. */
	static final WorkingCalendar CALENDAR = new WorkingCalendar(BEIJING,
			WorkingCalendar.parsePeriods("09:00-12:00,13:00-18:00"),
			Map.of(LocalDate.parse("2026-10-01"), false, LocalDate.parse("2026-10-02"), false,
					LocalDate.parse("2026-10-05"), false, LocalDate.parse("2026-10-06"), false,
					LocalDate.parse("2026-10-07"), false, LocalDate.parse("2026-10-10"), true));

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
	}

	@Test
	void workingHoursAreNineToTwelveAndOneToSixBeijingTime() {
		assertThat(WorkingCalendar.parsePeriods(" 09:00-12:00 , 13:00-18:00")).containsExactly(
				new WorkingCalendar.Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
				new WorkingCalendar.Period(LocalTime.of(13, 0), LocalTime.of(18, 0)));

		assertThat(CALENDAR.addWorkingMinutes(at("2026-11-23T10:00"), 60)).isEqualTo(at("2026-11-23T11:00"));
		assertThat(CALENDAR.addWorkingMinutes(at("2026-11-23T10:00"), 150)).as("the lunch break does not count")
			.isEqualTo(at("2026-11-23T13:30"));
		assertThat(CALENDAR.addWorkingMinutes(at("2026-11-23T12:20"), 30)).as("started in the lunch break")
			.isEqualTo(at("2026-11-23T13:30"));
		assertThat(CALENDAR.addWorkingMinutes(at("2026-11-23T07:00"), 30)).as("started before office hours")
			.isEqualTo(at("2026-11-23T09:30"));
		assertThat(CALENDAR.addWorkingMinutes(at("2026-11-23T17:00"), 120)).as("the evening does not count")
			.isEqualTo(at("2026-11-24T10:00"));
	}

	@Test
	void aFridayEveningStartRollsToMonday() {
		assertThat(CALENDAR.addWorkingMinutes(at("2026-11-20T19:30"), 60)).isEqualTo(at("2026-11-23T10:00"));
		assertThat(CALENDAR.addWorkingMinutes(at("2026-11-20T17:00"), 120)).isEqualTo(at("2026-11-23T10:00"));
		assertThat(CALENDAR.deadline(at("2026-11-21T15:00"), 4, "WORKING_HOURS")).as("reported on a Saturday")
			.isEqualTo(at("2026-11-23T14:00"));
	}

	@Test
	void holidaysAreSkippedAndAMakeUpSaturdayCounts() {
		assertThat(CALENDAR.workingDay(LocalDate.parse("2026-10-01"))).isFalse();
		assertThat(CALENDAR.workingDay(LocalDate.parse("2026-10-10"))).as("调休上班 Saturday").isTrue();
		assertThat(CALENDAR.workingDay(LocalDate.parse("2026-10-11"))).as("an ordinary Sunday").isFalse();
		assertThat(CALENDAR.workingDay(LocalDate.parse("2026-10-08"))).isTrue();

		assertThat(CALENDAR.addWorkingMinutes(at("2026-09-30T17:00"), 120)).as("1–7 October are off")
			.isEqualTo(at("2026-10-08T10:00"));
		assertThat(CALENDAR.addWorkingMinutes(at("2026-10-09T17:00"), 120)).as("Saturday 10 October is worked")
			.isEqualTo(at("2026-10-10T10:00"));
		assertThat(CALENDAR.addWorkingMinutes(at("2026-10-10T17:00"), 120)).as("then Sunday is off again")
			.isEqualTo(at("2026-10-12T10:00"));
	}

	@Test
	void workingDaysAreEightWorkingHoursEach() {
		Instant monday = at("2026-11-23T09:00");
		assertThat(CALENDAR.deadline(monday, 1, "WORKING_DAYS")).isEqualTo(at("2026-11-23T18:00"));
		assertThat(CALENDAR.deadline(monday, 7, "WORKING_DAYS")).as("Mon–Fri, then Mon and Tue")
			.isEqualTo(at("2026-12-01T18:00"))
			.isEqualTo(CALENDAR.addWorkingMinutes(monday, 7 * 8 * 60));
		assertThat(CALENDAR.deadline(at("2026-11-23T15:00"), 2, "WORKING_DAYS")).isEqualTo(at("2026-11-25T15:00"));
		assertThat(CALENDAR.deadline(at("2026-11-23T11:00"), 24, "WORKING_HOURS")).as("24 working hours = 3 days")
			.isEqualTo(at("2026-11-26T11:00"));
		assertThat(CALENDAR.deadline(at("2026-09-29T10:00"), 3, "WORKING_DAYS")).as("over the National Day week")
			.isEqualTo(at("2026-10-09T10:00"));
	}

	@Test
	void emergenciesCountNaturalHours() {
		assertThat(CALENDAR.deadline(at("2026-11-20T19:30"), 2, "HOURS")).isEqualTo(at("2026-11-20T21:30"));
		assertThat(CALENDAR.deadline(at("2026-10-01T23:00"), 2, "HOURS")).as("holidays count too")
			.isEqualTo(at("2026-10-02T01:00"));
	}

	@Test
	void refusesAnUnknownUnitAndEmptyWorkingHours() {
		assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR.deadline(Instant.now(), 1, "WEEKS"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkingCalendar(BEIJING, WorkingCalendar.parsePeriods("09:00-09:00"), Map.of()));
	}

}
