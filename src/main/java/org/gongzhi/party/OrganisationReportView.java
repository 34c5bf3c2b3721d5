package org.gongzhi.party;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One organisation's 双报到 to a community with its status as of today (an accepted report past its date is expired).
 */
public record OrganisationReportView(long id, long organisationId, String organisationName, String communityCode,
		String communityName, String contactName, String commitment, ReportStatus status, Instant reportedAt,
		Instant reviewedAt, String reason, LocalDate expiresOn) {
}
