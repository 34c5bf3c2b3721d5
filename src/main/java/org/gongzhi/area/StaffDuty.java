package org.gongzhi.area;

/**
 * The duties people hold on an area: full-time or part-time grid worker (专职/兼职网格员) on a grid, building chief
 * (楼长) on a building, unit chief (单元长) on a unit.
 */
public enum StaffDuty {

	GRID_WORKER_FULL(AreaLevel.GRID), GRID_WORKER_PART(AreaLevel.GRID), BUILDING_CHIEF(AreaLevel.BUILDING),
	UNIT_CHIEF(AreaLevel.UNIT);

	private final AreaLevel level;

	StaffDuty(AreaLevel level) {
		this.level = level;
	}

	/** The level of area the duty is held on. */
	public AreaLevel level() {
		return level;
	}

	public String messageKey() {
		return "staff.duty." + name();
	}

}
