package org.gongzhi.people;

/**
 * A resident's household registration status (户籍类型).
 */
public enum RegistrationStatus {

	/** 户籍人口 */
	HOUSEHOLD,
	/** 流动人口 */
	FLOATING,
	/** 境外人员 */
	OVERSEAS,
	/** 未落户人员 */
	UNSETTLED;

	public String messageKey() {
		return "people.status." + name();
	}

}
