package org.gongzhi.identity.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.domain.ApiTokenService;
import org.gongzhi.shared.web.ProblemWriter;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Authenticates API calls carrying {@code Authorization: Bearer <token>}; an unknown or expired token is refused with
 * a 401 problem.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokenService tokens;

	private final MessageSource messages;

	private final LocaleResolver locales;

	BearerTokenFilter(ApiTokenService tokens, MessageSource messages, LocaleResolver locales) {
		this.tokens = tokens;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<GongzhiUser> user = tokens.authenticate(header.substring(7).strip());
		if (user.isEmpty()) {
			var locale = locales.resolveLocale(request);
			ProblemWriter.write(response, 401, messages.getMessage("problem.unauthorized.title", null, locale),
					messages.getMessage("problem.badToken", null, locale));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
				user.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
