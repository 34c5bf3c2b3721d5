package org.gongzhi.party;

/**
 * Where a need (需求) stands: open for claiming (征集中), claimed into a project (已认领), done (已完成) or withdrawn by the community (已撤回).
 */
public enum NeedStatus {

	/** 征集中 */
	OPEN,
	/** 已认领 */
	CLAIMED,
	/** 已完成 */
	DONE,
	/** 已撤回 */
	WITHDRAWN;

	public String messageKey() {
		return "party.lists.needStatus." + name();
	}

}
