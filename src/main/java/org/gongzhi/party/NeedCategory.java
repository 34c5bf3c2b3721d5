package org.gongzhi.party;

/**
 * The categories shared by needs and resources (需求与资源类别), on which matching compares a need with a resource.
 */
public enum NeedCategory {

	/** 助老助残 */
	ELDERLY,
	/** 环境整治 */
	ENVIRONMENT,
	/** 文化教育 */
	CULTURE,
	/** 矛盾调解 */
	MEDIATION,
	/** 就业帮扶 */
	EMPLOYMENT,
	/** 设施修缮 */
	FACILITIES,
	/** 健康医疗 */
	HEALTH,
	/** 其他 */
	OTHER;

	public String messageKey() {
		return "party.lists.category." + name();
	}

}
