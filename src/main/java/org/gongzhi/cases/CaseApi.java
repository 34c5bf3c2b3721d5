package org.gongzhi.cases;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
	 * The cases a resident of the registry (实有人口) reported, newest first, paged. Unscoped like the other reads of
	 * this facade: the people module shows them on the person card to users who may see that resident, and the case
	 * page itself still applies the viewer's data scope.
	 */
	PageResult<CaseView> reportedBy(long residentId, int page, int size);

	/** Enabled categories, majors before their minors. */
	List<CategoryView> categories();

	Optional<CategoryView> category(String code);

}
