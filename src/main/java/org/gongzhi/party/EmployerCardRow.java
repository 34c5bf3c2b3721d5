package org.gongzhi.party;

import java.math.BigDecimal;

/**
 * One in-service member of an employer organisation on the quarter's card list: confirmed hours and records, records
 * still waiting, and the 双报到 status.
 */
public record EmployerCardRow(long memberId, String memberName, String organisationName, String employerUnit,
		BigDecimal hours, int records, int pending, ReportStatus reportStatus) {
}
