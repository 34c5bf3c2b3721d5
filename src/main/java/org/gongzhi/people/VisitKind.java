package org.gongzhi.people;

/**
 * What a visit (走访) was for: a household visit of the grid's routine, or a care visit to a member of a care or key
 * group (which resets that member's visit cadence).
 */
public enum VisitKind {

	/** 入户走访 */
	HOUSEHOLD,
	/** 关爱走访 */
	CARE;

	public String messageKey() {
		return "people.visitKind." + name();
	}

}
