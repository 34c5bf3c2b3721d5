package org.gongzhi.party;

import java.time.LocalDate;
import java.util.List;

/**
 * One Party organisation as pages and the API show it, with its committee and (for joint forms) member units.
 */
public record OrganisationView(long id, Long parentId, OrgKind kind, String name, String areaCode, String areaName,
		LocalDate termStart, LocalDate termEnd, long memberCount, List<CommitteeSeat> committee,
		List<MemberUnit> memberUnits) {

	/** One committee seat: who holds which post, and for alliances which unit they come from. */
	public record CommitteeSeat(long id, CommitteePost post, String name, String unitName) {
	}

	/** A member unit of a joint organisation (成员单位). */
	public record MemberUnit(long id, String name, String unitKind) {
	}

}
