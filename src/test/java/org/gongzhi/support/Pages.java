package org.gongzhi.support;

import java.nio.charset.StandardCharsets;

import org.gongzhi.identity.GongzhiUser;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Test helper for page tests: acting as a demo user, and reading a page that must answer 200 with HTML.
 */
public final class Pages {

	private Pages() {
	}

	/** Requests made as the user, loaded the way sign-in loads them. */
	public static RequestPostProcessor as(UserDetailsService signIn, String username) {
		return user((GongzhiUser) signIn.loadUserByUsername(username));
	}

	/** The HTML of the page as the user sees it; fails the test unless it answers 200 with HTML. */
	public static String html(MockMvcTester mvc, UserDetailsService signIn, String username, String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(as(signIn, username)).exchange();
		assertThat(result).as("GET %s as %s", uri, username).hasStatusOk()
			.hasContentTypeCompatibleWith(org.springframework.http.MediaType.TEXT_HTML);
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
