package org.gongzhi.identity;

import java.util.Set;

/**
 * A user as other modules may show them (e.g. the grid workers on a grid page): no credentials, no personal data
 * beyond the masked phone.
 */
public record UserSummary(long id, String username, String displayName, Set<Role> roles, String phoneMasked,
		boolean enabled) {
}
