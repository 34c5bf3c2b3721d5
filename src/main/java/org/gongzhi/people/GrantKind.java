package org.gongzhi.people;

/**
 * Permissions on personal data that system administrators grant to individual users: revealing full ID and phone
 * numbers (查看完整号码), and seeing the members of one key group (重点人群).
 */
public enum GrantKind {

	/** 查看完整证件号码和电话 */
	REVEAL_NUMBERS,
	/** 查看某一重点人群 */
	KEY_GROUP;

	public String messageKey() {
		return "people.grantKind." + name();
	}

}
