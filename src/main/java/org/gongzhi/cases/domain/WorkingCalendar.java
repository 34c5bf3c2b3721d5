package org.gongzhi.cases.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The working calendar time limits are counted on (工作日历): working hours of a working day (by default 09:00–12:00 and
 * 13:00–18:00, Asia/Shanghai), Monday to Friday unless a calendar day says otherwise (holidays 放假, make-up working
 * days 调休上班). Emergencies count natural hours instead.
 */
public final class WorkingCalendar {

	/** A working period of a day, e.g. 09:00–12:00. */
	public record Period(LocalTime start, LocalTime end) {
	}

	private final ZoneId zone;

	private final List<Period> periods;

	private final Map<LocalDate, Boolean> overrides;

	private final long minutesPerDay;

	public WorkingCalendar(ZoneId zone, List<Period> periods, Map<LocalDate, Boolean> overrides) {
		this.zone = zone;
		this.periods = List.copyOf(periods);
		this.overrides = Map.copyOf(overrides);
		this.minutesPerDay = periods.stream().mapToLong(p -> Duration.between(p.start(), p.end()).toMinutes()).sum();
		if (minutesPerDay <= 0) {
			throw new IllegalArgumentException("working hours must be non-empty");
		}
	}

	/** Parses periods such as 09:00-12:00 and 13:00-18:00 separated by commas. */
	public static List<Period> parsePeriods(String spec) {
		List<Period> list = new ArrayList<>();
		for (String part : spec.split(",")) {
			String[] se = part.strip().split("-");
			list.add(new Period(LocalTime.parse(se[0].strip()), LocalTime.parse(se[1].strip())));
		}
		return list;
	}

	public boolean workingDay(LocalDate day) {
		Boolean override = overrides.get(day);
		if (override != null) {
			return override;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * The moment a time limit that starts at {@code start} runs out.
	 * @param unit {@code HOURS} (natural), {@code WORKING_HOURS} or {@code WORKING_DAYS} (each a full working day of
	 * working hours)
	 */
	public Instant deadline(Instant start, int value, String unit) {
		return switch (unit) {
			case "HOURS" -> start.plus(Duration.ofHours(value));
			case "WORKING_HOURS" -> addWorkingMinutes(start, value * 60L);
			case "WORKING_DAYS" -> addWorkingMinutes(start, value * minutesPerDay);
			default -> throw new IllegalArgumentException("unknown time limit unit " + unit);
		};
	}

	/** Adds working minutes: time outside working periods and on non-working days does not count. */
	public Instant addWorkingMinutes(Instant start, long minutes) {
		ZonedDateTime cursor = start.atZone(zone);
		long left = minutes;
		for (int guard = 0; guard < 3660; guard++) {
			LocalDate day = cursor.toLocalDate();
			if (workingDay(day)) {
				for (Period p : periods) {
					ZonedDateTime ps = day.atTime(p.start()).atZone(zone);
					ZonedDateTime pe = day.atTime(p.end()).atZone(zone);
					if (!cursor.isBefore(pe)) {
						continue;
					}
					ZonedDateTime from = cursor.isAfter(ps) ? cursor : ps;
					long available = Duration.between(from, pe).toMinutes();
					if (left <= available) {
						return from.plusMinutes(left).toInstant();
					}
					left -= available;
					cursor = pe;
				}
			}
			cursor = day.plusDays(1).atStartOfDay(zone);
		}
		throw new IllegalStateException("no working time within ten years");
	}

}
