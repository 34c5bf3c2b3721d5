package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.party.CadencePeriod;
import org.gongzhi.party.MeetingKind;

/**
 * The branch-life cadence (组织生活频次) as rules without a database: which kind of meeting is due in which calendar
 * period, which due periods a branch has missed, and the share of due periods it kept in a year (组织生活规范率).
 */
final class CadenceRules {

	/** One period in which a meeting of the kind is due; current while the period is still running. */
	record Slot(MeetingKind kind, CadencePeriod period, LocalDate start, LocalDate end, boolean current) {

		boolean keptBy(Collection<Held> meetings) {
			return meetings.stream().anyMatch(m -> m.kind() == kind && !m.day().isBefore(start) && !m.day().isAfter(end));
		}

	}

	/** A meeting as far as the cadence cares: its kind and day. */
	record Held(MeetingKind kind, LocalDate day) {
	}

	private final Map<MeetingKind, CadencePeriod> cadence;

	CadenceRules(Map<MeetingKind, CadencePeriod> cadence) {
		this.cadence = new EnumMap<>(MeetingKind.class);
		for (MeetingKind kind : MeetingKind.values()) {
			this.cadence.put(kind, cadence.getOrDefault(kind, CadencePeriod.NONE));
		}
	}

	/** The defaults of the 三会一课 rules: assembly quarterly, committee and group monthly, lecture yearly, theme day monthly. */
	static CadenceRules defaults() {
		return new CadenceRules(Map.of(MeetingKind.BRANCH_ASSEMBLY, CadencePeriod.QUARTER, MeetingKind.COMMITTEE_MEETING,
				CadencePeriod.MONTH, MeetingKind.GROUP_MEETING, CadencePeriod.MONTH, MeetingKind.PARTY_LECTURE,
				CadencePeriod.YEAR, MeetingKind.THEME_DAY, CadencePeriod.MONTH));
	}

	CadencePeriod of(MeetingKind kind) {
		return cadence.get(kind);
	}

	/**
	 * The periods due for a branch from the look-back day up to today: every period that ends on or after the
	 * look-back day, has started by today, and whose last month the branch saw from its first day (a branch founded
	 * in March owes that year's 党课 but not March's 支委会).
	 * @param hasGroups whether the branch has Party groups (党小组), without which no 党小组会 is due
	 */
	List<Slot> due(LocalDate since, LocalDate lookBack, LocalDate today, boolean hasGroups) {
		List<Slot> slots = new ArrayList<>();
		for (MeetingKind kind : MeetingKind.values()) {
			CadencePeriod period = cadence.get(kind);
			if (period == CadencePeriod.NONE || (kind == MeetingKind.GROUP_MEETING && !hasGroups)) {
				continue;
			}
			for (LocalDate start = period.start(today); !period.end(start).isBefore(lookBack)
					&& !since.isAfter(period.end(start).withDayOfMonth(1)); start = period.previousStart(start)) {
				LocalDate end = period.end(start);
				slots.add(new Slot(kind, period, start, end, !today.isAfter(end)));
			}
		}
		return slots;
	}

	/** The due periods without a meeting of their kind, current ones first, then the most recent. */
	List<Slot> missing(List<Slot> due, Collection<Held> meetings) {
		return due.stream().filter(s -> !s.keptBy(meetings))
			.sorted((a, b) -> a.current() != b.current() ? (a.current() ? -1 : 1) : b.start().compareTo(a.start()))
			.toList();
	}

	/**
	 * The share of the year's due periods a branch kept, in percent with one decimal: a period counts once it is over
	 * or kept (a running period without its meeting yet is not held against the branch). Null when nothing was due.
	 */
	BigDecimal compliance(int year, LocalDate since, LocalDate today, boolean hasGroups, Collection<Held> meetings) {
		LocalDate yearEnd = LocalDate.of(year, 12, 31);
		LocalDate asOf = today.isBefore(yearEnd) ? today : yearEnd;
		if (asOf.getYear() < year) {
			return null;
		}
		int counted = 0;
		int kept = 0;
		for (Slot slot : due(since, LocalDate.of(year, 1, 1), asOf, hasGroups)) {
			if (slot.start().getYear() != year) {
				continue;
			}
			boolean ok = slot.keptBy(meetings);
			boolean over = slot.end().isBefore(today);
			if (ok || over) {
				counted++;
				kept += ok ? 1 : 0;
			}
		}
		if (counted == 0) {
			return null;
		}
		return BigDecimal.valueOf(kept * 100L).divide(BigDecimal.valueOf(counted), 1, RoundingMode.HALF_UP);
	}

}
