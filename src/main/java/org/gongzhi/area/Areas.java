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

	/**
	 * The deepest area an address names (an address → building → grid match): a building when the address names a
	 * community and one of its buildings (e.g. 福康里社区3号楼), else the community, else nothing.
	 */
	Optional<AreaView> matchAddress(String address);

	/** Every area of one level (e.g. all streets), parents' order. */
	List<AreaView> ofLevel(AreaLevel level);

	/** The areas a user is assigned to (a grid worker's grids). */
	List<StaffMember> assignmentsOf(long userId);

	/** Number of areas of a level whose code begins with the prefix (the empty prefix for all). */
	long count(String codePrefix, AreaLevel level);

	/**
	 * The grid outlines (网格边界) of a street or community as a GeoJSON FeatureCollection text (WGS-84), for maps that
	 * show which grid a point falls in: one Feature per grid with its stored polygon and the properties code, name and
	 * communityName. An empty collection when the code is not a street or community or none of its grids has a polygon.
	 */
	String gridOutlines(String streetOrCommunityCode);

}
