package org.gongzhi.people;

/**
 * The two kinds of person group: care groups (关爱人群) everyone in scope sees, and key groups (重点人群) only users
 * granted them see, with every view audit-logged.
 */
public enum GroupKind {

	/** 关爱人群 */
	CARE,
	/** 重点人群 */
	KEY;

	public String messageKey() {
		return "people.groupKind." + name();
	}

}
