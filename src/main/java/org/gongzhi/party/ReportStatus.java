package org.gongzhi.party;

/**
 * Where a 双报到 stands: waiting for the community (待审核), accepted (已报到), refused (已退回), or accepted but past its
 * expiry date so that it must be renewed (已过期).
 */
public enum ReportStatus {

	/** 待审核 */
	PENDING,
	/** 已报到 */
	ACCEPTED,
	/** 已退回 */
	REFUSED,
	/** 已过期 */
	EXPIRED;

	public String messageKey() {
		return "party.reportStatus." + name();
	}

}
