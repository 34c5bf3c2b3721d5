package org.gongzhi.party;

/**
 * Where a project (项目) stands: in progress (进行中), done with a result (已完成) or stopped (已终止), which frees its need for another claim.
 */
public enum ProjectStatus {

	/** 进行中 */
	ACTIVE,
	/** 已完成 */
	DONE,
	/** 已终止 */
	STOPPED;

	public String messageKey() {
		return "party.lists.projectStatus." + name();
	}

}
