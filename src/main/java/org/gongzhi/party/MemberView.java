package org.gongzhi.party;

import java.time.LocalDate;

/**
 * A Party member as staff see them (phone always masked), with the state of their latest 双报到.
 */
public record MemberView(long id, long organisationId, String organisationName, String name, LocalDate joinDate,
		MemberStatus status, boolean inService, String employerUnit, String residenceAddress,
		String residenceAreaCode, String phoneMasked, String badgePost, String badgePromise, Long userId,
		ReportStatus reportStatus, LocalDate reportExpiresOn) {
}
