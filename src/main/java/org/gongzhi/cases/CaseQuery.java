package org.gongzhi.cases;

import java.time.LocalDate;

/**
 * Filters of the case lists and {@code GET /api/v1/cases}; blank fields do not filter. Results are always limited to
 * the caller's data scope.
 *
 * @param areaCode only cases in this area subtree
 * @param overdue only overdue open cases
 * @param todo only cases waiting for the caller (their unit's cases to sign/handle, or a dispatcher's queue)
 * @param q case number, description or address text
 */
public record CaseQuery(CaseStatus status, String categoryCode, String areaCode, Boolean overdue, LocalDate from,
		LocalDate to, Boolean todo, String q, String sort, int page, int size) {

	public static CaseQuery firstPage() {
		return new CaseQuery(null, null, null, null, null, null, null, null, null, 0, 20);
	}

}
