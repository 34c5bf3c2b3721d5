package org.gongzhi.cases;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.shared.PageResult;

/**
 * The cases module for adapters (Open311) and other modules: file a case, read cases and the category catalogue.
 */
public interface CaseApi {

	/**
	 * Files a new case: locates it to its grid, routes it, sets its time limit and records it on the timeline and in
	 * the audit log. With an idempotency key, a retry by the same principal answers the case created the first time.
	 * @param principal who files it (a username, or {@code open311:<client>})
	 * @param idempotencyKey client-supplied key, or {@code null}
	 */
	CaseView report(ReportCaseCmd cmd, String principal, String idempotencyKey);

	Optional<CaseView> find(String caseNo);

	List<CaseEventView> timeline(String caseNo);

	/**
	 * The timelines of several cases read together (one query instead of one per case, for adapters that list many
	 * cases): each case number with its steps, oldest first. Unknown case numbers are left out.
	 */
	Map<String, List<CaseEventView>> timelines(Collection<String> caseNos);

	List<CaseView> search(CaseFilter filter);

	/**
	 * The cases a resident of the registry (实有人口) reported that the viewer may see (the same data scope as the case
	 * list), newest first, paged. The people module shows them on the person card, so a card never names a case its
	 * reader could not open.
	 */
	PageResult<CaseView> reportedBy(GongzhiUser viewer, long residentId, int page, int size);

	/** Enabled categories, majors before their minors. */
	List<CategoryView> categories();

	Optional<CategoryView> category(String code);

}
