package org.gongzhi.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case with everything its detail page and {@code GET /api/v1/cases/{caseNo}} show: the timeline, whistles, the
 * actions the caller may take now, and possible duplicates.
 */
public record CaseDetail(CaseView caseView, List<CaseEventView> timeline, List<Whistle> whistles,
		List<String> allowedActions, List<CaseView> possibleDuplicates, Integer extensionRequestedHours,
		String extensionReason, int reworkCount, int reopenCount, Instant responseDeadline) {

	/** One department called by 吹哨报到 and how it answered. */
	public record Whistle(String departmentCode, String departmentName, Instant blownAt, Instant signDeadline,
			Instant signedAt, String signedBy, Instant arrivedAt, String report, boolean late) {
	}

}
