package org.gongzhi.party;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One member's line in the yearly service summary (年度服务汇总) that feeds 评优评先: confirmed hours and records of the
 * year, posts held, months with service, the 双报到 status, the rank by hours and whether the hours reach the
 * excellence threshold.
 */
public record ServiceSummaryRow(int rank, long memberId, String memberName, String organisationName,
		String employerUnit, BigDecimal hours, int records, int posts, int months, ReportStatus reportStatus,
		LocalDate reportExpiresOn, boolean reachesThreshold) {
}
