package org.gongzhi.area;

import java.util.List;
import java.util.Optional;

/**
 * Reading the area backbone and locating points to grids, for other modules (cases locate intake points here).
 * These methods do not apply a data scope; callers enforce their own.
 */
public interface Areas {

	Optional<AreaView> find(String code);

	List<AreaView> children(String code);

	/** The area and its ancestors, from the district down. */
	List<AreaView> path(String code);

	/** The grid containing the point (WGS-84), from the in-memory index. */
	Optional<GridLocation> locate(double lng, double lat);

	List<StaffMember> staff(String areaCode);

	/** The areas a user is assigned to (a grid worker's grids). */
	List<StaffMember> assignmentsOf(long userId);

	/** Number of areas of a level whose code begins with the prefix ({@code ""} for all). */
	long count(String codePrefix, AreaLevel level);

}
