package org.gongzhi.party;

/**
 * What a unit or member offers (资源类型): a venue, funds, a skill or a service.
 */
public enum ResourceKind {

	/** 场地 */
	VENUE,
	/** 资金 */
	FUNDS,
	/** 技能 */
	SKILL,
	/** 服务 */
	SERVICE;

	public String messageKey() {
		return "party.lists.kind." + name();
	}

}
