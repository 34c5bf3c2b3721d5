package org.gongzhi.party;

/**
 * Who offers a resource (资源提供方): a unit through its Party organisation (驻区单位), a member unit of a joint organisation (成员单位), or a Party member (党员).
 */
public enum ProviderKind {

	/** 驻区单位 */
	ORGANISATION,
	/** 成员单位 */
	MEMBER_UNIT,
	/** 党员 */
	MEMBER;

	public String messageKey() {
		return "party.lists.provider." + name();
	}

}
