package org.gongzhi.identity.domain;

import java.time.Instant;
import java.util.Set;

import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.Role;

/**
 * A stored user account as the administration pages show it.
 */
public record UserAccount(long id, String username, String displayName, boolean enabled, int failedAttempts,
		Instant lockedUntil, DataScope scope, Set<Role> roles, boolean elderMode, String phoneMasked,
		Instant createdAt, Instant lastLoginAt, int version) {

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

}
