package org.gongzhi.party;

/**
 * The kinds of Party organisation (党组织类型), from the street working committee down to the Party group, plus the
 * joint forms that unite several units.
 */
public enum OrgKind {

	/** 党工委 */
	WORKING_COMMITTEE,
	/** 党委 */
	COMMITTEE,
	/** 党总支 */
	GENERAL_BRANCH,
	/** 党支部 */
	BRANCH,
	/** 党小组 */
	GROUP,
	/** 联合党委 */
	JOINT_COMMITTEE,
	/** 大党委 */
	BIG_COMMITTEE,
	/** 小区党建联盟 */
	ALLIANCE;

	/** Whether the kind unites member units (联合党委, 大党委, 小区党建联盟). */
	public boolean joint() {
		return this == JOINT_COMMITTEE || this == BIG_COMMITTEE || this == ALLIANCE;
	}

	public String messageKey() {
		return "party.orgKind." + name();
	}

}
