package org.gongzhi.cases;

import java.time.Instant;
import java.util.List;

/**
 * Published after every step of the loop, so residents following the case can be told (notify) and dashboards can
 * refresh.
 *
 * @param followers user ids of the residents following the case (the reporter, and reporters of merged cases)
 */
public record CaseStatusChanged(String caseNo, String action, CaseStatus from, CaseStatus to, String note,
		List<Long> followers, Instant at) {
}
