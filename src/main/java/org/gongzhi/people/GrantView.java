package org.gongzhi.people;

import java.time.Instant;

/**
 * A permission on personal data held by one user: revealing numbers, or one key group.
 *
 * @param groupCode the key group for KEY_GROUP grants, else null
 */
public record GrantView(long id, long userId, String username, String displayName, GrantKind kind, String groupCode,
		String grantedBy, Instant grantedAt) {
}
