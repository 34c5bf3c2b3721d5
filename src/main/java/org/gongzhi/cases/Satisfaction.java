package org.gongzhi.cases;

/**
 * The resident's rating of a closed case: 满意, 基本满意, 不满意 (the last reopens the case once for review).
 */
public enum Satisfaction {

	SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), UNSATISFIED("不满意");

	private final String label;

	Satisfaction(String label) {
		this.label = label;
	}

	/** The Chinese word residents chose, as written on the timeline. */
	public String label() {
		return label;
	}

	/** Whether the rating counts as satisfied in the 满意率. */
	public boolean satisfied() {
		return this != UNSATISFIED;
	}

	public String messageKey() {
		return "case.satisfaction." + name();
	}

}
