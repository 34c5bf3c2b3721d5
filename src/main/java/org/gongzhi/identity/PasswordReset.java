package org.gongzhi.identity;

/**
 * Published when an administrator resets (重置) a user's password: whoever held the old password loses the sessions
 * and API tokens it opened.
 */
public record PasswordReset(long userId, String username) {
}
