package org.gongzhi.party;

/**
 * Where a community need comes from (需求来源): raised by residents, drawn from a recurring case, or otherwise.
 */
public enum NeedSource {

	/** 居民提出 */
	RESIDENTS,
	/** 反复发生的案件 */
	RECURRING_CASE,
	/** 其他 */
	OTHER;

	public String messageKey() {
		return "party.lists.source." + name();
	}

}
