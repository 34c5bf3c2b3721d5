package org.gongzhi.people;

/**
 * A resident's relation to the head of their household (与户主关系).
 */
public enum HouseholdRelation {

	/** 户主 */
	HEAD,
	/** 配偶 */
	SPOUSE,
	/** 子女 */
	CHILD,
	/** 父母 */
	PARENT,
	/** 祖父母 / 外祖父母 */
	GRANDPARENT,
	/** 孙子女 / 外孙子女 */
	GRANDCHILD,
	/** 兄弟姐妹 */
	SIBLING,
	/** 儿媳 / 女婿 */
	CHILD_IN_LAW,
	/** 租户 / 借住 */
	TENANT,
	/** 其他 */
	OTHER;

	public String messageKey() {
		return "people.relation." + name();
	}

}
