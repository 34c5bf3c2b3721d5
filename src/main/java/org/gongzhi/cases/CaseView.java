package org.gongzhi.cases;

import java.time.Instant;

/**
 * A case as lists, adapters and the API show it.
 */
public record CaseView(long id, String caseNo, CaseStatus status, RequestKind requestKind, String categoryCode,
		String categoryName, String description, String address, Double lng, Double lat, String gridCode,
		String communityCode, String streetCode, Channel channel, String reporterName, String reporterPhoneMasked,
		UnitType unitType, String unitCode, String unitName, String routeNote, Instant receivedAt, Instant deadline,
		Instant closedAt, Instant updatedAt, Satisfaction satisfaction, String supervision, boolean overdue,
		boolean selfHandled, String mergedInto, int version) {
}
