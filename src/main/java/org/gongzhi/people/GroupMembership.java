package org.gongzhi.people;

import java.time.LocalDate;

/**
 * A resident's membership of a care or key group with its visit cadence: when they were last visited and when the
 * next visit is due.
 *
 * @param cadenceDays days between visits, or null when the group needs no visits
 * @param nextDueOn last visit (or joining) plus the cadence, or null without a cadence
 */
public record GroupMembership(String code, String name, GroupKind kind, LocalDate since, Integer cadenceDays,
		LocalDate lastVisitOn, LocalDate nextDueOn, boolean overdue) {
}
