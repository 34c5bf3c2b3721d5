package org.gongzhi.portal.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.UserPreferences;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PreferenceController {

	private final UserPreferences preferences;

	PreferenceController(UserPreferences preferences) {
		this.preferences = preferences;
	}

	@PostMapping("/preferences/elder")
	String elder(@RequestParam boolean on, HttpServletRequest request, HttpServletResponse response) {
		if (SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof GongzhiUser me) {
			preferences.setElderMode(me.id(), on);
		}
		response.addHeader("Set-Cookie", ResponseCookie.from(PortalAdvice.ELDER_COOKIE, on ? "1" : "0").path("/")
			.maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build().toString());
		return "redirect:" + safeBack(request.getHeader("Referer"));
	}

	/** Only same-site paths, never an absolute URL to elsewhere. */
	static String safeBack(String referer) {
		if (referer == null) {
			return "/";
		}
		try {
			java.net.URI uri = java.net.URI.create(referer);
			String path = uri.getRawPath() == null || uri.getRawPath().isBlank() ? "/" : uri.getRawPath();
			if (!path.startsWith("/") || path.startsWith("//")) {
				return "/";
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

}
