package org.gongzhi.party;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.shared.DomainException;
import org.springframework.http.HttpStatus;

/**
 * A calendar quarter (季度) such as 2026Q3, the period of one service card (服务卡).
 */
public record Quarter(int year, int number) {

	private static final Pattern FORMAT = Pattern.compile("^(\\d{4})[Qq]([1-4])$");

	public Quarter {
		if (year < 2000 || year > 2100 || number < 1 || number > 4) {
			throw new IllegalArgumentException("no such quarter");
		}
	}

	/** Reads 2026Q3 (or 2026q3); anything else is refused with a 400 problem naming the quarter parameter. */
	public static Quarter parse(String text) {
		Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
		if (!m.matches()) {
			throw new DomainException(HttpStatus.BAD_REQUEST, "party.card.quarter.invalid", "quarter", null,
					text == null ? "" : text);
		}
		int year = Integer.parseInt(m.group(1));
		if (year < 2000 || year > 2100) {
			throw new DomainException(HttpStatus.BAD_REQUEST, "party.card.quarter.invalid", "quarter", null, text);
		}
		return new Quarter(year, Integer.parseInt(m.group(2)));
	}

	/** The quarter a day falls in. */
	public static Quarter of(LocalDate day) {
		return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	public LocalDate firstDay() {
		return LocalDate.of(year, (number - 1) * 3 + 1, 1);
	}

	public LocalDate lastDay() {
		return firstDay().plusMonths(3).minusDays(1);
	}

	public Quarter previous() {
		return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
	}

	@Override
	public String toString() {
		return year + "Q" + number;
	}

}
