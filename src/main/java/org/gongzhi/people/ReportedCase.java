package org.gongzhi.people;

import java.time.Instant;

import org.gongzhi.cases.CaseStatus;

/**
 * A case a resident reported (诉求记录), as the person card lists it: linked by the resident's id when the case was
 * filed, read from the cases module. Only the number, category, status and dates are shown here; the case page
 * itself applies the viewer's data scope.
 *
 * @param url the case page in the cases module
 */
public record ReportedCase(String caseNo, String categoryName, CaseStatus status, Instant receivedAt,
		Instant closedAt, String url) {
}
