package org.gongzhi.cases;

import java.time.Instant;
import java.util.List;

/**
 * Published after every step of the loop on a case someone follows, so the residents following it can be told
 * (notify). Steps of cases nobody follows publish nothing.
 *
 * @param followers user ids of the residents following the case (the reporter, and reporters of merged cases)
 */
public record CaseStatusChanged(String caseNo, String action, CaseStatus from, CaseStatus to, String note,
		List<Long> followers, Instant at) {
}
