package org.gongzhi.open311.domain;

import java.time.Instant;

/**
 * A case as an Open311 service request: {@code status} is {@code open} or {@code closed}, the id is the case number.
 *
 * @param statusNotes the latest note on the case's timeline
 * @param agencyResponsible the handling unit
 * @param expected the case's deadline
 * @param mediaUrl the first photo filed with the case
 */
public record ServiceRequestView(String serviceRequestId, String status, String statusNotes, String serviceName,
		String serviceCode, String description, String agencyResponsible, String serviceNotice, Instant requested,
		Instant updated, Instant expected, String address, String addressId, String zipcode, Double lat, Double lng,
		String mediaUrl) {
}
