package org.gongzhi.people;

/**
 * A resident's gender (性别) as the registry records it.
 */
public enum Gender {

	/** 男 */
	MALE,
	/** 女 */
	FEMALE;

	public String messageKey() {
		return "people.gender." + name();
	}

}
