package org.gongzhi.party;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A community need (需求) as the lists and the API show it, with the live project it was claimed into, if any.
 */
public record NeedView(long id, String areaCode, String areaName, String communityCode, String communityName,
		String title, NeedCategory category, String description, NeedSource source, String caseNo, Double lng,
		Double lat, LocalDate wantedBy, NeedStatus status, Instant createdAt, Long projectId) {

	public boolean open() {
		return status == NeedStatus.OPEN;
	}

}
