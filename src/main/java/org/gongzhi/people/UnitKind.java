package org.gongzhi.people;

/**
 * The kinds of unit (实有单位, an organisation or business in the area, not a building's 单元).
 */
public enum UnitKind {

	/** 驻区单位 */
	RESIDENT_UNIT,
	/** 商铺 / 门店 */
	SHOP,
	/** 学校 */
	SCHOOL,
	/** 药店 */
	PHARMACY,
	/** 物业公司 */
	PROPERTY_COMPANY,
	/** 社会组织 */
	SOCIAL_ORGANISATION,
	/** 其他 */
	OTHER;

	public String messageKey() {
		return "people.unitKind." + name();
	}

}
