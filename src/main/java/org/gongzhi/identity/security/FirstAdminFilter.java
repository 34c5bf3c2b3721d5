package org.gongzhi.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gongzhi.identity.UserAccounts;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A production start without demo data has no users: until the first administrator is set up, every page leads to
 * {@code /setup}.
 */
@Component
class FirstAdminFilter extends OncePerRequestFilter {

	private final UserAccounts accounts;

	private volatile boolean ready;

	FirstAdminFilter(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!ready) {
			ready = accounts.anyUserExists();
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!ready && !path.equals("/setup") && !path.startsWith("/webjars/") && !path.startsWith("/css/")
				&& !path.startsWith("/js/") && !path.startsWith("/actuator/health") && !path.equals("/error")) {
			response.sendRedirect(request.getContextPath() + "/setup");
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

}
