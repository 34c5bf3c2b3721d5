package org.gongzhi.party;

/**
 * The kinds of service post (服务岗位) a community publishes for reported Party members.
 */
public enum PostKind {

	/** 楼栋长 */
	BUILDING_CHIEF,
	/** 政策宣传 */
	POLICY_OUTREACH,
	/** 治安巡逻 */
	PATROL,
	/** 助老服务 */
	ELDER_CARE,
	/** 矛盾调解 */
	MEDIATION,
	/** 环境整治 */
	ENVIRONMENT,
	/** 其他 */
	OTHER;

	public String messageKey() {
		return "party.postKind." + name();
	}

}
