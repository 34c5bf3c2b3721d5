package org.gongzhi.notify.web;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.notify.NotifyApi;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds the signed-in user's unread message count ({@code unreadMessages}) to every page, for the badge in the
 * navigation; {@code null} before sign-in.
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadMessagesAdvice {

	private final NotifyApi notify;

	UnreadMessagesAdvice(NotifyApi notify) {
		this.notify = notify;
	}

	@ModelAttribute("unreadMessages")
	Long unreadMessages() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof GongzhiUser user ? notify.unreadCount(user.id()) : null;
	}

}
