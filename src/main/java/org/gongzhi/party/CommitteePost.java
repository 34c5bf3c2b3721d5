package org.gongzhi.party;

/**
 * A seat on an organisation's committee (班子职务) or, for an alliance, its roles (联盟主席, 副主席, 办公室主任, 楼栋长).
 */
public enum CommitteePost {

	/** 书记 */
	SECRETARY,
	/** 副书记 */
	DEPUTY_SECRETARY,
	/** 委员 */
	MEMBER,
	/** 联盟主席 */
	ALLIANCE_CHAIR,
	/** 联盟副主席 */
	ALLIANCE_VICE_CHAIR,
	/** 办公室主任 */
	OFFICE_DIRECTOR,
	/** 楼栋长 */
	BUILDING_CHIEF;

	public String messageKey() {
		return "party.seat." + name();
	}

}
