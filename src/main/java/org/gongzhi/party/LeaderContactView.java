package org.gongzhi.party;

import java.time.LocalDate;
import java.util.List;

/**
 * One community on the leaders' contact board (领导联系社区): its assigned leaders, the last visit and the days since,
 * open and overdue issues, and whether it is overdue for a visit.
 */
public record LeaderContactView(String communityCode, String communityName, List<Assignment> leaders,
		LocalDate lastVisit, Long daysSinceVisit, int openIssues, int lateIssues, boolean visitOverdue, boolean mine) {

	/** One leader assigned to a community, current or past. */
	public record Assignment(long id, String communityCode, Long leaderUserId, String leaderName, String leaderPost,
			LocalDate startsOn, LocalDate endsOn, boolean active, LocalDate lastVisit) {
	}

	/** One visit (走访记录). */
	public record Visit(long id, long assignmentId, String leaderName, LocalDate visitedOn, String peopleMet,
			String discussed) {
	}

	/** One issue taken up (领办事项); late when still open past its due day. */
	public record Issue(long id, long assignmentId, String leaderName, String title, String detail, Long caseId,
			String caseNo, IssueStatus status, String result, LocalDate dueOn, LocalDate takenOn, LocalDate closedOn,
			boolean late) {
	}

	/** A community's whole record: leaders, visits newest first, issues open first. */
	public record Detail(LeaderContactView summary, List<Visit> visits, List<Issue> issues) {
	}

}
