package org.gongzhi.party;

/**
 * Where an issue a leader took up (领办事项) stands: being handled (办理中) or done (已办结).
 */
public enum IssueStatus {

	/** 办理中 */
	OPEN,
	/** 已办结 */
	CLOSED;

	public String messageKey() {
		return "party.issueStatus." + name();
	}

}
