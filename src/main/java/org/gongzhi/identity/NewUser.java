package org.gongzhi.identity;

import java.util.Set;

/**
 * What it takes to create a user account.
 *
 * @param scopeAreaCode root of the user's area scope, or {@code null}
 * @param scopeAll whether the user sees the whole platform
 * @param departmentCode department for department handlers, or {@code null}
 */
public record NewUser(String username, String displayName, String password, Set<Role> roles, String scopeAreaCode,
		boolean scopeAll, String departmentCode, String phone) {
}
