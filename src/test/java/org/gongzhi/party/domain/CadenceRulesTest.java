package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongzhi.party.CadencePeriod;
import org.gongzhi.party.MeetingKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 三会一课 cadence at its period boundaries: the last and first day of a month, of a quarter and of a year, the
 * day a branch was founded, branches without Party groups, and the yearly compliance rate.
 */
class CadenceRulesTest {

	static final CadenceRules RULES = CadenceRules.defaults();

	static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

	@Test
	void periodsAreCalendarMonthsQuartersAndYears() {
		LocalDate d = LocalDate.of(2026, 5, 31);
		assertThat(CadencePeriod.MONTH.start(d)).isEqualTo("2026-05-01");
		assertThat(CadencePeriod.MONTH.end(d)).isEqualTo("2026-05-31");
		assertThat(CadencePeriod.QUARTER.start(d)).isEqualTo("2026-04-01");
		assertThat(CadencePeriod.QUARTER.end(d)).isEqualTo("2026-06-30");
		assertThat(CadencePeriod.QUARTER.start(LocalDate.of(2026, 12, 31))).isEqualTo("2026-10-01");
		assertThat(CadencePeriod.QUARTER.end(LocalDate.of(2026, 1, 1))).isEqualTo("2026-03-31");
		assertThat(CadencePeriod.YEAR.end(LocalDate.of(2024, 2, 29))).isEqualTo("2024-12-31");
		assertThat(CadencePeriod.MONTH.end(LocalDate.of(2024, 2, 10))).isEqualTo("2024-02-29");
		assertThat(CadencePeriod.QUARTER.previousStart(LocalDate.of(2026, 1, 1))).isEqualTo("2025-10-01");
	}

	@Test
	void aCommitteeMeetingOnTheLastDayOfTheMonthKeepsThatMonthOnly() {
		List<CadenceRules.Held> held = List.of(new CadenceRules.Held(MeetingKind.COMMITTEE_MEETING, LocalDate.of(2026, 10, 31)));
		LocalDate today = LocalDate.of(2026, 11, 1);
		List<CadenceRules.Slot> missing = committee(RULES.missing(RULES.due(LONG_AGO, LocalDate.of(2026, 10, 1), today, false), held));
		assertThat(missing).extracting(CadenceRules.Slot::start).containsExactly(LocalDate.of(2026, 11, 1));
		assertThat(missing.get(0).current()).as("November is still running").isTrue();

		List<CadenceRules.Held> early = List.of(new CadenceRules.Held(MeetingKind.COMMITTEE_MEETING, LocalDate.of(2026, 11, 1)));
		assertThat(committee(RULES.missing(RULES.due(LONG_AGO, LocalDate.of(2026, 10, 1), today, false), early)))
			.extracting(CadenceRules.Slot::start).containsExactly(LocalDate.of(2026, 10, 1));
	}

	@Test
	void theAssemblyIsDuePerQuarterAndTheLectureOncePerYear() {
		LocalDate today = LocalDate.of(2026, 4, 1);
		List<CadenceRules.Held> held = List.of(new CadenceRules.Held(MeetingKind.BRANCH_ASSEMBLY, LocalDate.of(2026, 3, 31)),
				new CadenceRules.Held(MeetingKind.PARTY_LECTURE, LocalDate.of(2025, 12, 31)));
		List<CadenceRules.Slot> missing = RULES.missing(RULES.due(LONG_AGO, LocalDate.of(2025, 10, 1), today, false), held);
		assertThat(missing).filteredOn(s -> s.kind() == MeetingKind.BRANCH_ASSEMBLY)
			.extracting(CadenceRules.Slot::start, CadenceRules.Slot::current)
			.containsExactly(org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 4, 1), true),
					org.assertj.core.api.Assertions.tuple(LocalDate.of(2025, 10, 1), false));
		assertThat(missing).filteredOn(s -> s.kind() == MeetingKind.PARTY_LECTURE)
			.extracting(CadenceRules.Slot::start).containsExactly(LocalDate.of(2026, 1, 1));
	}

	@Test
	void aBranchOwesNothingBeforeItWasFoundedAndNoGroupMeetingWithoutGroups() {
		LocalDate today = LocalDate.of(2026, 11, 20);
		List<CadenceRules.Slot> due = RULES.due(LocalDate.of(2026, 11, 5), today.minusMonths(12), today, false);
		assertThat(due).extracting(CadenceRules.Slot::kind).as("founded in the last month of quarter and year")
			.containsExactlyInAnyOrder(MeetingKind.BRANCH_ASSEMBLY, MeetingKind.PARTY_LECTURE);
		List<CadenceRules.Slot> march = RULES.due(LocalDate.of(2026, 3, 1), today.minusMonths(12), today, true);
		assertThat(march).filteredOn(s -> s.kind() == MeetingKind.COMMITTEE_MEETING).hasSize(9);
		assertThat(march).filteredOn(s -> s.kind() == MeetingKind.GROUP_MEETING).hasSize(9);
		assertThat(march).filteredOn(s -> s.kind() == MeetingKind.PARTY_LECTURE).hasSize(1);
		assertThat(RULES.due(LocalDate.of(2026, 3, 1), today.minusMonths(12), today, false))
			.noneMatch(s -> s.kind() == MeetingKind.GROUP_MEETING);
	}

	@Test
	void aKindSetToNoneIsNeverDue() {
		CadenceRules rules = new CadenceRules(java.util.Map.of(MeetingKind.COMMITTEE_MEETING, CadencePeriod.QUARTER));
		List<CadenceRules.Slot> due = rules.due(LONG_AGO, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 15), true);
		assertThat(due).extracting(CadenceRules.Slot::kind).containsOnly(MeetingKind.COMMITTEE_MEETING);
		assertThat(due).hasSize(2);
	}

	@Test
	void complianceCountsClosedOrKeptPeriodsOfTheYear() {
		LocalDate today = LocalDate.of(2026, 2, 10);
		List<CadenceRules.Held> held = List.of(new CadenceRules.Held(MeetingKind.COMMITTEE_MEETING, LocalDate.of(2026, 1, 20)),
				new CadenceRules.Held(MeetingKind.THEME_DAY, LocalDate.of(2026, 2, 1)));
		// January: committee kept, theme day missed; February running: theme day kept, committee not yet counted
		assertThat(RULES.compliance(2026, LONG_AGO, today, false, held)).isEqualByComparingTo(new BigDecimal("66.7"));
		assertThat(RULES.compliance(2027, LONG_AGO, today, false, held)).isNull();
		List<CadenceRules.Held> fullYear = new java.util.ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			fullYear.add(new CadenceRules.Held(MeetingKind.COMMITTEE_MEETING, LocalDate.of(2025, m, 28)));
			fullYear.add(new CadenceRules.Held(MeetingKind.THEME_DAY, LocalDate.of(2025, m, 1)));
		}
		for (int q = 0; q < 4; q++) {
			fullYear.add(new CadenceRules.Held(MeetingKind.BRANCH_ASSEMBLY, LocalDate.of(2025, q * 3 + 2, 15)));
		}
		assertThat(RULES.compliance(2025, LONG_AGO, today, false, fullYear)).as("no Party lecture in 2025")
			.isEqualByComparingTo(new BigDecimal("96.6"));
	}

	private static List<CadenceRules.Slot> committee(List<CadenceRules.Slot> slots) {
		return slots.stream().filter(s -> s.kind() == MeetingKind.COMMITTEE_MEETING).toList();
	}

}
