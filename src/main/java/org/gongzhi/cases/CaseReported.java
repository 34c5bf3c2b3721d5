package org.gongzhi.cases;

/**
 * Published when a new case has been received and routed.
 */
public record CaseReported(String caseNo, String categoryCode, String gridCode, String communityCode,
		Long reporterUserId, Channel channel) {
}
