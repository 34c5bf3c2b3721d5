package org.gongzhi.people;

import java.util.List;
import java.util.Optional;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.shared.PageResult;

/**
 * Visits (走访) by grid workers and community staff, the overdue care visit worklist of a grid worker and the
 * community report, within the caller's data scope.
 */
public interface Visits {

	/** Records a visit by the caller; a care visit restarts the resident's cadence. */
	VisitView record(GongzhiUser me, RecordVisitCmd cmd);

	/** The visits of a resident, newest first. */
	List<VisitView> ofResident(GongzhiUser me, long residentId);

	/** Recent visits in scope (or in one area), newest first. */
	PageResult<VisitView> recent(GongzhiUser me, String areaCode, int page, int size);

	/**
	 * Care (and granted key) group members whose visit is overdue, most overdue first: for a grid worker their grids,
	 * for others their scope; areaCode narrows it to one community or grid.
	 */
	PageResult<OverdueVisit> overdue(GongzhiUser me, String areaCode, int page, int size);

	/** The care visit report of one community. */
	CareVisitReport report(GongzhiUser me, String communityCode);

	/** The photo of a visit the caller may see. */
	Optional<VisitPhoto> photo(GongzhiUser me, long visitId);

}
