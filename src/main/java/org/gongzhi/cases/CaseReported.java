package org.gongzhi.cases;

/**
 * Published when a new case has been received and routed. It never carries the reporter's phone number: event
 * publications are stored in the database.
 *
 * @param reporterResidentId the reporter's id in the resident registry when the case is linked to one, or null
 */
public record CaseReported(String caseNo, String categoryCode, String gridCode, String communityCode,
		Long reporterUserId, Channel channel, Long reporterResidentId) {
}
