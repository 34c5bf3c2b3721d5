package org.gongzhi.party;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One member's quarterly service card (季度服务卡), which goes back to the employer organisation: who they are, the
 * community they reported to (双报到) and until when, the posts they hold, every confirmed service record of the
 * quarter with the totals, how many records still wait or were rejected, and the community's confirmation line.
 */
public record ServiceCard(long memberId, String memberName, String organisationName, String employerUnit,
		Quarter quarter, String communityCode, String communityName, ReportStatus reportStatus,
		LocalDate reportExpiresOn, List<String> posts, List<Entry> records, BigDecimal totalHours, int pendingCount,
		int rejectedCount, LocalDate lastConfirmedOn, LocalDate madeOn) {

	/** One confirmed service record on the card. */
	public record Entry(LocalDate servedOn, String postTitle, String communityName, BigDecimal hours, String what,
			LocalDate confirmedOn) {
	}

	public int count() {
		return records.size();
	}

}
