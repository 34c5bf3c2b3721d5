package org.gongzhi.people;

/**
 * How a house (实有房屋) is used.
 */
public enum HouseUse {

	/** 自住 */
	OWNER_OCCUPIED,
	/** 出租 */
	RENTED,
	/** 空置 */
	VACANT,
	/** 商用 */
	COMMERCIAL;

	public String messageKey() {
		return "people.houseUse." + name();
	}

}
