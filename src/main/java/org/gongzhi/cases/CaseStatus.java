package org.gongzhi.cases;

/**
 * Where a case stands in the loop.
 */
public enum CaseStatus {

	/** 受理 — received, waiting to be registered */
	ACCEPTED,
	/** 立案 — registered, waiting to be dispatched */
	REGISTERED,
	/** 派遣 — dispatched to a handling unit, waiting for it to sign */
	DISPATCHED,
	/** 签收 — signed by the unit, being handled */
	SIGNED,
	/** 处置 — handled, waiting for the unit's report */
	HANDLED,
	/** 反馈 — reported back, waiting for verification */
	FED_BACK,
	/** 核查 — verified, waiting to be closed */
	VERIFIED,
	/** 结案 — closed */
	CLOSED,
	/** 挂账 — suspended, the clock stops */
	SUSPENDED,
	/** 作废 — void */
	VOID,
	/** 合并 — merged into another case */
	MERGED;

	/** Whether the case is still in the loop (not closed, void or merged). */
	public boolean open() {
		return this != CLOSED && this != VOID && this != MERGED;
	}

	/** Open311 GeoReport status: {@code open} or {@code closed}. */
	public String open311() {
		return open() ? "open" : "closed";
	}

	public String messageKey() {
		return "case.status." + name();
	}

}
