package org.gongzhi.party;

/**
 * The kinds of branch-life meeting (组织生活): the three meetings and one lecture (三会一课) plus the monthly theme
 * day (主题党日).
 */
public enum MeetingKind {

	/** 支部党员大会 */
	BRANCH_ASSEMBLY,
	/** 支委会 */
	COMMITTEE_MEETING,
	/** 党小组会 */
	GROUP_MEETING,
	/** 党课 */
	PARTY_LECTURE,
	/** 主题党日 */
	THEME_DAY;

	public String messageKey() {
		return "party.meetingKind." + name();
	}

	/** The key of the verb a missing meeting of this kind is reported with (未开, 未上, 未开展). */
	public String missingKey() {
		return "party.meetingKind." + name() + ".missing";
	}

}
