package org.gongzhi.people;

import java.time.LocalDate;

/**
 * A care or key group member whose visit is overdue (走访逾期): the grid worker's worklist row.
 *
 * @param lastVisitOn the last visit, or null when never visited
 * @param dueOn last visit (or joining the group) plus the cadence
 */
public record OverdueVisit(long residentId, String name, Gender gender, Integer age, String phoneMasked,
		String roomCode, String address, String gridCode, String gridName, String groupCode, String groupName,
		GroupKind kind, int cadenceDays, LocalDate lastVisitOn, LocalDate dueOn, long daysOverdue) {
}
