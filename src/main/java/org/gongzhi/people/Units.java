package org.gongzhi.people;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.shared.PageResult;

/**
 * Units (实有单位: organisations and businesses, not a building's 单元) with their contact and grid, within the
 * caller's data scope.
 */
public interface Units {

	PageResult<UnitView> search(GongzhiUser me, UnitQuery query);

	UnitView unit(GongzhiUser me, long unitId);

	UnitView create(GongzhiUser me, UnitCmd cmd);

	/** Changes a unit; a stale version fails with a conflict. */
	UnitView update(GongzhiUser me, long unitId, UnitCmd cmd, int version);

}
