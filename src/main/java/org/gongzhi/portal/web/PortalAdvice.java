package org.gongzhi.portal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.UserPreferences;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Adds what the shared layout needs to every page: the signed-in user and whether the elder-friendly mode is on
 * (the user's stored preference, or a cookie before sign-in). The preference is read only when a template renders
 * it, so API calls cost no query.
 */
@ControllerAdvice(annotations = Controller.class)
class PortalAdvice {

	static final String ELDER_COOKIE = "gz_elder";

	private final UserPreferences preferences;

	PortalAdvice(UserPreferences preferences) {
		this.preferences = preferences;
	}

	@ModelAttribute("me")
	GongzhiUser me() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof GongzhiUser user ? user : null;
	}

	@ModelAttribute("elderMode")
	LazyContextVariable<Boolean> elderMode(HttpServletRequest request) {
		GongzhiUser me = me();
		boolean cookie = elderCookie(request);
		return new LazyContextVariable<>() {
			@Override
			protected Boolean loadValue() {
				return me != null ? preferences.elderMode(me.id()) : cookie;
			}
		};
	}

	private static boolean elderCookie(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie c : request.getCookies()) {
				if (ELDER_COOKIE.equals(c.getName())) {
					return "1".equals(c.getValue());
				}
			}
		}
		return false;
	}

}
