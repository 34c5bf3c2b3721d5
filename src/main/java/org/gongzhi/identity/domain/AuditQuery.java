package org.gongzhi.identity.domain;

import java.time.Instant;

/**
 * Filters of the audit log page; blank fields do not filter.
 */
public record AuditQuery(String actor, String action, String target, String ip, Instant from, Instant to,
		boolean oldestFirst) {
}
