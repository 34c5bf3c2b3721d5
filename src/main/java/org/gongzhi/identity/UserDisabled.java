package org.gongzhi.identity;

/**
 * Published when an administrator disables (停用) a user: the user's open sessions end and other modules may stop
 * offering them for assignment.
 */
public record UserDisabled(long userId, String username) {
}
