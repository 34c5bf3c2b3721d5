package org.gongzhi.party;

import java.time.LocalDate;

/**
 * A branch behind its branch-life cadence (组织生活预警): no meeting of the kind in the period. The current period is
 * still running (a reminder); a past one was missed.
 *
 * @param message the warning in the caller's language, e.g. 本月支委会未开
 */
public record CadenceWarning(long organisationId, String organisationName, String areaCode, MeetingKind kind,
		CadencePeriod period, LocalDate periodStart, LocalDate periodEnd, boolean current, String message) {
}
