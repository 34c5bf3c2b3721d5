package org.gongzhi.party.domain;

import java.time.LocalDate;
import java.time.Period;

import org.gongzhi.party.ReportStatus;

/**
 * The life of an accepted 双报到 (报到有效期): it is valid from acceptance for a configurable period (default six months)
 * and then expires and must be renewed; renewal may start a month before the end.
 */
public record ReportTerm(Period validity) {

	/** Days before expiry from which a member may renew (续报). */
	public static final int RENEWAL_WINDOW_DAYS = 30;

	public ReportTerm {
		if (validity == null || validity.isNegative() || validity.isZero()) {
			throw new IllegalArgumentException("the report validity must be positive");
		}
	}

	/** The last day an acceptance on the given day is valid. */
	public LocalDate expiresOn(LocalDate acceptedOn) {
		return acceptedOn.plus(validity).minusDays(1);
	}

	/** The status as of today: an accepted report after its last valid day counts as expired. */
	public static ReportStatus statusOn(String stored, LocalDate expiresOn, LocalDate today) {
		if (stored == null) {
			return null;
		}
		ReportStatus status = ReportStatus.valueOf(stored);
		if (status == ReportStatus.ACCEPTED && expiresOn != null && expiresOn.isBefore(today)) {
			return ReportStatus.EXPIRED;
		}
		return status;
	}

	/** Whether a member whose accepted report runs to expiresOn may already renew it today. */
	public static boolean renewable(LocalDate expiresOn, LocalDate today) {
		return expiresOn == null || !expiresOn.isAfter(today.plusDays(RENEWAL_WINDOW_DAYS));
	}

}
