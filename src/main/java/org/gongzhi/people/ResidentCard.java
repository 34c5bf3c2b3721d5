package org.gongzhi.people;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the person card (人员档案) shows about one resident: the summary, household, address history, visits and
 * group memberships, the cases the resident reported, and what the caller may do with it.
 *
 * @param reportedCases the newest cases the resident reported (at most five; the rest page through reportedCases of
 * the facade)
 * @param reportedCasesTotal how many cases the resident reported in all
 * @param canReveal whether the caller holds the grant to reveal the full numbers
 * @param canEdit whether the caller may change the record
 * @param version optimistic lock version to send back with an update
 */
public record ResidentCard(ResidentSummary resident, String note, LocalDate movedInOn, HouseholdView household,
		List<AddressChange> addressHistory, List<VisitView> visits, List<GroupMembership> groups,
		List<ReportedCase> reportedCases, long reportedCasesTotal, boolean canReveal, boolean canEdit, int version) {
}
