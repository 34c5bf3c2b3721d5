package org.gongzhi.identity;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.support.Api;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Test helper for the identity tests: creates fresh, uniquely named accounts (so tests that lock, disable or re-key a
 * user never touch the shared demo accounts) and signs users in by token, by form or as a request principal.
 */
public final class TestAccounts {

	public static final String PASSWORD = "Test1234pw";

	private final UserAccounts accounts;

	private final SignInService signIn;

	private final MockMvcTester mvc;

	public TestAccounts(UserAccounts accounts, SignInService signIn, MockMvcTester mvc) {
		this.accounts = accounts;
		this.signIn = signIn;
		this.mvc = mvc;
	}

	/** A username no other test uses, e.g. {@code t_lock_3f9a0c2b}. */
	public static String uniqueName(String prefix) {
		return "t_" + prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** A fresh resident (居民, no data scope) with {@link #PASSWORD}; returns the username. */
	public String resident(String prefix) {
		String username = uniqueName(prefix);
		accounts.create(new NewUser(username, "测试居民" + username.substring(username.length() - 4), PASSWORD,
				Set.of(Role.RESIDENT), null, false, null, null));
		return username;
	}

	/** A fresh system administrator (系统管理员) seeing everything, with {@link #PASSWORD}; returns the username. */
	public String admin(String prefix) {
		String username = uniqueName(prefix);
		accounts.create(new NewUser(username, "测试管理员", PASSWORD, Set.of(Role.SYSTEM_ADMIN), null, true, null, null));
		return username;
	}

	public long idOf(String username) {
		return signIn.loadUserByUsername(username).id();
	}

	/** The request runs as this user (a real {@link GongzhiUser} loaded from the database). */
	public RequestPostProcessor as(String username) {
		GongzhiUser user = signIn.loadUserByUsername(username);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	/** {@code POST /api/v1/auth/token} with the given credentials. */
	public MvcTestResult tokenRequest(String username, String password) {
		return mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("username", username, "password", password))).exchange();
	}

	/** {@code POST /login} as the browser's sign-in form sends it. */
	public MvcTestResult formLogin(String username, String password) {
		return mvc.post().uri("/login").param("username", username).param("password", password).with(csrf())
			.exchange();
	}

	/** Signs in through the form and returns the session cookie of the new session. */
	public Cookie session(String username, String password) {
		MvcTestResult result = formLogin(username, password);
		if (result.getResponse().getStatus() != 302 || !"/".equals(result.getResponse().getRedirectedUrl())) {
			throw new IllegalStateException("form sign-in of " + username + " failed: "
					+ result.getResponse().getRedirectedUrl());
		}
		Cookie cookie = result.getResponse().getCookie("SESSION");
		if (cookie == null) {
			throw new IllegalStateException("no session cookie after signing in " + username);
		}
		return cookie;
	}

	/** The street (街道) the demo street administrator is scoped to: a valid scope root for staff users. */
	public String streetCode() {
		return signIn.loadUserByUsername("street").scope().areaCode();
	}

}
