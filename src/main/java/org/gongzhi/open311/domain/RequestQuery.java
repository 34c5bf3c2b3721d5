package org.gongzhi.open311.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gongzhi.cases.CaseFilter;
import org.gongzhi.shared.DomainException;
import org.springframework.http.HttpStatus;

/**
 * The filters of {@code GET requests}, checked, and the search they mean: without {@code service_request_id}, the
 * requests of at most {@value #MAX_DAYS} days (by default the last {@value #MAX_DAYS} days), at most
 * {@value #MAX_RECORDS} of them; with {@code service_request_id}, exactly those requests, whatever the other filters
 * say (as the specification has it).
 *
 * @param open {@code true} open only, {@code false} closed only, {@code null} both
 */
public record RequestQuery(List<String> serviceRequestIds, List<String> serviceCodes, Instant startDate,
		Instant endDate, Boolean open) {

	public static final int MAX_DAYS = 90;

	public static final int MAX_RECORDS = 1000;

	static final Duration WINDOW = Duration.ofDays(MAX_DAYS);

	/** The time zone of dates without an offset and of every date the API answers. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public RequestQuery {
		serviceRequestIds = serviceRequestIds == null ? List.of() : List.copyOf(serviceRequestIds);
		serviceCodes = serviceCodes == null ? List.of() : List.copyOf(serviceCodes);
	}

	/**
	 * Reads the query parameters as sent.
	 * @throws DomainException (400) on a malformed date or an unknown status
	 */
	public static RequestQuery parse(String serviceRequestId, String serviceCode, String startDate, String endDate,
			String status) {
		return new RequestQuery(list(serviceRequestId), list(serviceCode), date("start_date", startDate),
				date("end_date", endDate), status(status));
	}

	/**
	 * The case search this query means at {@code now}.
	 * @throws DomainException (400) when the end precedes the start or the dates span more than {@value #MAX_DAYS}
	 * days
	 */
	public CaseFilter toFilter(Instant now) {
		if (!serviceRequestIds.isEmpty()) {
			return new CaseFilter(serviceRequestIds, List.of(), null, null, null, MAX_RECORDS);
		}
		Instant from;
		Instant to;
		if (startDate == null && endDate == null) {
			from = now.minus(WINDOW);
			to = now;
		}
		else if (endDate == null) {
			from = startDate;
			to = startDate.plus(WINDOW);
		}
		else if (startDate == null) {
			from = endDate.minus(WINDOW);
			to = endDate;
		}
		else {
			from = startDate;
			to = endDate;
			if (to.isBefore(from)) {
				throw bad("open311.error.dateOrder");
			}
			if (Duration.between(from, to).compareTo(WINDOW) > 0) {
				throw bad("open311.error.dateSpan", MAX_DAYS);
			}
		}
		return new CaseFilter(List.of(), serviceCodes, from, to, open, MAX_RECORDS);
	}

	/**
	 * A W3C date-time: with an offset or {@code Z} as the specification asks; leniently also without one (read in
	 * Asia/Shanghai), a plain date (its start), and with the offset's {@code +} decoded to a space by a client that
	 * did not encode it.
	 */
	static Instant date(String parameter, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String s = value.strip();
		if (s.length() > 10 && s.charAt(s.length() - 6) == ' ') {
			s = s.substring(0, s.length() - 6) + "+" + s.substring(s.length() - 5);
		}
		try {
			return OffsetDateTime.parse(s).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the lenient forms
		}
		try {
			return LocalDateTime.parse(s).atZone(ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try a plain date
		}
		try {
			return LocalDate.parse(s).atStartOfDay(ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw bad("open311.error.date", parameter);
		}
	}

	static Boolean status(String value) {
		Set<String> statuses = new LinkedHashSet<>();
		for (String s : list(value)) {
			String status = s.toLowerCase(Locale.ROOT);
			if (!status.equals("open") && !status.equals("closed")) {
				throw bad("open311.error.status", s);
			}
			statuses.add(status);
		}
		return statuses.size() == 1 ? statuses.contains("open") : null;
	}

	static List<String> list(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private static DomainException bad(String key, Object... args) {
		return new DomainException(HttpStatus.BAD_REQUEST, key, null, null, args);
	}

}
