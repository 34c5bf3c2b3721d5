package org.gongzhi.party;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * How often a kind of meeting is required (会议频次): every month, every quarter, every year, or not at all. Periods
 * are calendar months, calendar quarters and calendar years.
 */
public enum CadencePeriod {

	MONTH, QUARTER, YEAR, NONE;

	/** The first day of the period that contains the day. */
	public LocalDate start(LocalDate day) {
		return switch (this) {
			case MONTH -> day.withDayOfMonth(1);
			case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
			case YEAR, NONE -> day.withDayOfYear(1);
		};
	}

	/** The last day of the period that contains the day. */
	public LocalDate end(LocalDate day) {
		return switch (this) {
			case MONTH -> start(day).plusMonths(1).minusDays(1);
			case QUARTER -> start(day).plusMonths(3).minusDays(1);
			case YEAR, NONE -> start(day).plusYears(1).minusDays(1);
		};
	}

	/** The first day of the period before the one starting on the given day. */
	public LocalDate previousStart(LocalDate periodStart) {
		return switch (this) {
			case MONTH -> periodStart.minusMonths(1);
			case QUARTER -> periodStart.minusMonths(3);
			case YEAR, NONE -> periodStart.minusYears(1);
		};
	}

	public String messageKey() {
		return "party.cadence." + name();
	}

}
