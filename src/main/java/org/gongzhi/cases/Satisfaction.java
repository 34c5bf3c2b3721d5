package org.gongzhi.cases;

/**
 * The resident's rating of a closed case: 满意, 基本满意, 不满意 (the last reopens the case once for review).
 */
public enum Satisfaction {

	SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

	/** Whether the rating counts as satisfied in the 满意率. */
	public boolean satisfied() {
		return this != UNSATISFIED;
	}

	public String messageKey() {
		return "case.satisfaction." + name();
	}

}
