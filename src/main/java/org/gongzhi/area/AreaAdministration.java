package org.gongzhi.area;

import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * Bulk set-up of the area backbone (demo data, initial loads) for start-up work outside the area module's pages.
 */
public interface AreaAdministration {

	boolean exists(String code);

	/** Creates the areas (parents first) and their boundaries in one transaction, then rebuilds the grid index. */
	void createAll(List<NewArea> areas, Map<String, Geometry> boundaries);

	/** Assigns a user (grid workers) or a named person (chiefs) to an area. */
	void assign(String areaCode, StaffDuty duty, Long userId, String name, String phoneMasked);

}
