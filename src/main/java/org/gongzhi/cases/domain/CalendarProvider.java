package org.gongzhi.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link WorkingCalendar} from configuration and the calendar days in the database, re-reading them at
 * most once a minute (so every node picks up an edit quickly without a query per case).
 */
@Component
public class CalendarProvider {

	private static final Duration TTL = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final String workingHours;

	private volatile WorkingCalendar calendar;

	private volatile Instant loadedAt = Instant.EPOCH;

	CalendarProvider(JdbcClient jdbc, @Value("${gongzhi.cases.zone:Asia/Shanghai}") String zone,
			@Value("${gongzhi.cases.working-hours:09:00-12:00,13:00-18:00}") String workingHours) {
		this.jdbc = jdbc;
		this.zone = ZoneId.of(zone);
		this.workingHours = workingHours;
	}

	public WorkingCalendar calendar() {
		if (calendar == null || loadedAt.plus(TTL).isBefore(Instant.now())) {
			Map<LocalDate, Boolean> days = new HashMap<>();
			jdbc.sql("select day, working from cases.calendar_day")
				.query((rs, n) -> days.put(rs.getDate(1).toLocalDate(), rs.getBoolean(2))).list();
			calendar = new WorkingCalendar(zone, WorkingCalendar.parsePeriods(workingHours), days);
			loadedAt = Instant.now();
		}
		return calendar;
	}

	public void invalidate() {
		loadedAt = Instant.EPOCH;
	}

	public ZoneId zone() {
		return zone;
	}

}
