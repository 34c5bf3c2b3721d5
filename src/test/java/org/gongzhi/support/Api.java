package org.gongzhi.support;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test helper: signs in through the real token endpoint and returns bearer tokens for the demo accounts.
 */
public final class Api {

	public static final String DEMO_PASSWORD = "Gongzhi@2026";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Api() {
	}

	/** A bearer token for the user, obtained from {@code POST /api/v1/auth/token}. */
	public static String token(MockMvcTester mvc, String username, String password) {
		var result = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("username", username, "password", password))).exchange();
		if (result.getResponse().getStatus() != 200) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + result.getResponse().getStatus());
		}
		try {
			return JSON.readTree(result.getResponse().getContentAsString()).path("access_token").asString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String token(MockMvcTester mvc, String demoUser) {
		return token(mvc, demoUser, DEMO_PASSWORD);
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

}
