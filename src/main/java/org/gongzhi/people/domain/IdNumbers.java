package org.gongzhi.people.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.gongzhi.people.Gender;
import org.gongzhi.people.IdType;

/**
 * Identity numbers: the GB 11643 check of a resident identity card (18 characters, ISO 7064 MOD 11-2 check digit,
 * a real birth date), the birth date and gender it encodes, and the one way numbers are masked.
 */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumbers() {
	}

	/** The number as stored and indexed: no spaces, upper case. */
	public static String normalise(String number) {
		if (number == null) {
			return null;
		}
		return number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	/** The GB 11643 check character for the first 17 digits. */
	public static char checkDigit(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/** Whether the text looks like a resident ID number (17 digits and a digit or X), check digit not yet checked. */
	public static boolean wellFormed(String number) {
		return number != null && number.matches("[1-9]\\d{16}[\\dX]");
	}

	/** Whether the check digit is right (the number must be well formed). */
	public static boolean checkDigitValid(String number) {
		return wellFormed(number) && checkDigit(number.substring(0, 17)) == number.charAt(17);
	}

	/** The birth date encoded in a resident ID number, if it is a real date. */
	public static Optional<LocalDate> birthDate(String number) {
		if (!wellFormed(number)) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(number.substring(6, 10)),
					Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14))));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The gender encoded in a resident ID number (the 17th digit: odd for men). */
	public static Optional<Gender> gender(String number) {
		if (!wellFormed(number)) {
			return Optional.empty();
		}
		return Optional.of((number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
	}

	/** Whether a resident ID number is valid: well formed, right check digit, a real birth date not in the future. */
	public static boolean valid(String number, LocalDate today) {
		return checkDigitValid(number) && birthDate(number)
			.filter(d -> !d.isAfter(today) && d.getYear() >= 1880).isPresent();
	}

	/**
	 * A number masked for display: for a resident ID the first six and last four characters stay (the area code and
	 * the tail), for other documents the first and the last four (or only the last two of a short number).
	 */
	public static String mask(IdType type, String number) {
		if (number == null || number.isBlank()) {
			return null;
		}
		String n = normalise(number);
		if (type == IdType.RESIDENT_ID && n.length() == 18) {
			return n.substring(0, 6) + "********" + n.substring(14);
		}
		if (n.length() >= 8) {
			return n.charAt(0) + "*".repeat(n.length() - 5) + n.substring(n.length() - 4);
		}
		if (n.length() > 2) {
			return "*".repeat(n.length() - 2) + n.substring(n.length() - 2);
		}
		return "*".repeat(n.length());
	}

	/** The last four characters, which the tail blind index is built from. */
	public static String tail(String number) {
		String n = normalise(number);
		return n.length() <= 4 ? n : n.substring(n.length() - 4);
	}

}
