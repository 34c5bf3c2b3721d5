package org.gongzhi.cases;

/**
 * The kind of unit a case is handled by: a grid (its grid workers, 小事不出格), a community, the street, or a department.
 */
public enum UnitType {

	GRID, COMMUNITY, STREET, DEPARTMENT;

	public String messageKey() {
		return "case.unit." + name();
	}

}
