package org.gongzhi.people;

import java.time.LocalDate;
import java.util.List;

/**
 * The community's care visit report (关爱走访情况): per grid and group, how many members there are, how many were
 * visited within their cadence and how many are overdue.
 */
public record CareVisitReport(String communityCode, String communityName, LocalDate asOf, List<Row> rows, int members,
		int visitedOnTime, int overdue) {

	/** One grid and group of the report. */
	public record Row(String gridCode, String gridName, String groupCode, String groupName, GroupKind kind,
			int members, int visitedOnTime, int overdue) {
	}

}
