package org.gongzhi.party;

/**
 * A Party member's standing: full member (正式党员) or probationary member (预备党员).
 */
public enum MemberStatus {

	/** 正式党员 */
	FULL,
	/** 预备党员 */
	PROBATIONARY;

	public String messageKey() {
		return "party.memberStatus." + name();
	}

}
