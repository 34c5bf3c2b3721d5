package org.gongzhi.party;

import java.util.List;

/**
 * Reading the Party side of an area for other modules and public pages: the organisations attached to an area and
 * the public badges (亮身份) of the members living there. No data scope applies; badges are public by design.
 */
public interface PartyDirectory {

	/** Organisations attached to the area or anywhere below it. */
	List<OrganisationView> organisationsIn(String areaCode);

	/** Public badges of members whose residence or organisation lies in the area. */
	List<BadgeView> badges(String areaCode);

	/** Whether any Party organisation exists (demo loading runs once). */
	boolean anyOrganisation();

}
