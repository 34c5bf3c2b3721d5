package org.gongzhi.identity.domain;

import java.time.Instant;

/**
 * One line of the audit log.
 */
public record AuditEntry(long id, Instant at, String actor, String action, String targetType, String targetId,
		String detail, String clientIp) {
}
