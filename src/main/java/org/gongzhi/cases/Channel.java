package org.gongzhi.cases;

/**
 * Where a case came in: resident H5 form, grid worker patrol (巡查), hotline clerk (12345), Open311, other API clients.
 */
public enum Channel {

	RESIDENT, PATROL, HOTLINE, OPEN311, API;

	public String messageKey() {
		return "case.channel." + name();
	}

}
