package org.gongzhi.party;

import java.time.LocalDate;

/**
 * Bulk set-up of leaders' contact (领导联系社区) without a signed-in user, for demo data and migrations: no scope
 * checks and no audit entries, so callers must be trusted code.
 */
public interface LeaderContactAdministration {

	long assign(LeaderAssignmentCmd cmd);

	long importVisit(LeaderVisitCmd cmd);

	/** Stores an issue taken up on a past day, closed on a later day with a result when closedOn is given. */
	long importIssue(LeaderIssueCmd cmd, LocalDate takenOn, LocalDate closedOn, String result);

	/** Whether any leader has been assigned yet (demo loading runs once). */
	boolean anyAssignment();

}
