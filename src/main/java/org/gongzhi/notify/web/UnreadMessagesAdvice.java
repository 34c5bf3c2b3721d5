package org.gongzhi.notify.web;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.notify.NotifyApi;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Adds the signed-in user's unread message count ({@code unreadMessages}) to every page, for the badge in the
 * navigation; {@code null} before sign-in. The count is read only when a template renders it, so API calls and
 * fragments without the navigation cost no query.
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadMessagesAdvice {

	private final NotifyApi notify;

	UnreadMessagesAdvice(NotifyApi notify) {
		this.notify = notify;
	}

	@ModelAttribute("unreadMessages")
	LazyContextVariable<Long> unreadMessages() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		Long userId = auth != null && auth.getPrincipal() instanceof GongzhiUser user ? user.id() : null;
		return new LazyContextVariable<>() {
			@Override
			protected Long loadValue() {
				return userId == null ? null : notify.unreadCount(userId);
			}
		};
	}

}
