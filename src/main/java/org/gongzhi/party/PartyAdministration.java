package org.gongzhi.party;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Bulk set-up of Party data without a signed-in user (demo data, migrations from other systems): no scope checks and
 * no audit entries, so callers must be trusted code.
 */
public interface PartyAdministration {

	long createOrganisation(OrganisationCmd cmd);

	long createMember(MemberCmd cmd);

	/**
	 * Stores a 双报到 as it stood at a past time.
	 * @param status PENDING, ACCEPTED or REFUSED
	 * @param reviewedAt when the community decided, or nothing while pending
	 */
	long importReport(long memberId, String communityCode, ReportStatus status, Instant reportedAt,
			Instant reviewedAt, String reason);

	/**
	 * Stores an organisation's 双报到 (单位党组织报到) as it stood at a past time.
	 * @param status PENDING, ACCEPTED or REFUSED
	 * @param reviewedAt when the community decided, or nothing while pending
	 */
	long importOrganisationReport(long organisationId, String communityCode, String contactName, String commitment,
			ReportStatus status, Instant reportedAt, Instant reviewedAt);

	long createPost(PostCmd cmd);

	long claim(long postId, long memberId);

	long importService(long claimId, LocalDate servedOn, BigDecimal hours, String what, boolean confirmed);

}
