package org.gongzhi.party;

import java.math.BigDecimal;
import java.util.List;

/**
 * The Party-building overview (党建概览) of the caller's scope: how many organisations and members there are, how far
 * 双报到 and the service posts have got, the service hours of this year and the last twelve months, the three lists'
 * open needs and projects, and the same per community.
 */
public record PartyOverviewView(int year, long organisations, long coverageGaps, long members, long probationary,
		long inService, long reportedActive, long reportsPending, long reportsExpiringSoon, long inServiceNotReported,
		long openPosts, long postHeadcount, long postsFilled, long reportedWithoutPost, BigDecimal hoursThisYear,
		long recordsThisYear, long recordsPending, long needsOpen, long projectsActive, long projectsDone,
		long projectsDoneThisYear, List<Month> months, List<Community> communities) {

	/** Confirmed service in one month, the month written as 2026-03. */
	public record Month(String month, BigDecimal hours, long records) {
	}

	/** One community's figures. */
	public record Community(String code, String name, long reportedActive, long postHeadcount, long postsFilled,
			BigDecimal hoursThisYear, long projectsDone) {
	}

	/** Share of post places taken, 0 to 1, or nothing when no post is open. */
	public Double fillRate() {
		return postHeadcount == 0 ? null : (double) postsFilled / postHeadcount;
	}

}
