package org.gongzhi.party;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One 双报到 of a member to a community, with its status as of today (an accepted report past its date is expired).
 */
public record ReportView(long id, long memberId, String memberName, String employerUnit, String organisationName,
		String communityCode, String communityName, ReportStatus status, Instant reportedAt, Instant reviewedAt,
		String reason, LocalDate expiresOn) {
}
