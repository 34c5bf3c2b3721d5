package org.gongzhi.identity.web;

import java.util.Map;

import org.gongzhi.identity.TestAccounts;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.identity.domain.UserAdministration;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's front door: {@code POST /api/v1/auth/token} and how protected API calls answer with and without a token.
 */
@GongzhiTest
class TokenApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	SignInService signIn;

	@Autowired
	UserAdministration administration;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(userAccounts, signIn, mvc);
	}

	@Test
	void rightCredentialsGiveABearerToken() {
		MvcTestResult result = accounts.tokenRequest("street", Api.DEMO_PASSWORD);

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.access_token").asString().hasSizeGreaterThan(30);
		assertThat(result).bodyJson().extractingPath("$.token_type").isEqualTo("Bearer");
		assertThat(result).bodyJson().extractingPath("$.expires_in").asNumber().satisfies(
				n -> assertThat(n.longValue()).isPositive());
	}

	@Test
	void everySignInGetsItsOwnToken() {
		assertThat(Api.token(mvc, "street")).isNotEqualTo(Api.token(mvc, "street"));
	}

	@Test
	void aWrongPasswordIsRefusedWithAChineseProblem() {
		String user = accounts.resident("tokbad");

		MvcTestResult result = accounts.tokenRequest(user, "Wrong1234pw");

		assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("用户名或密码错误");
		assertThat(result).bodyText().doesNotContain("access_token").doesNotContain("Exception");
	}

	@Test
	void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
		MvcTestResult result = accounts.tokenRequest(TestAccounts.uniqueName("nobody"), "Wrong1234pw");

		assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("用户名或密码错误");
	}

	@Test
	void anEnglishClientGetsTheProblemInEnglish() {
		String user = accounts.resident("tokbaden");

		MvcTestResult result = mvc.post().uri("/api/v1/auth/token").header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("username", user, "password", "Wrong1234pw"))).exchange();

		assertThat(result).hasStatus(401);
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Wrong username or password");
	}

	@Test
	void missingFieldsAreListedInTheProblem() {
		MvcTestResult result = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{}").exchange();

		assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("请求参数有误，请检查后重试");
		assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == 'username')].message").asArray()
			.containsExactly("请输入用户名");
		assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == 'password')].message").asArray()
			.containsExactly("请输入密码");
	}

	@Test
	void aBlankPasswordIsAFieldErrorNotASignInAttempt() {
		MvcTestResult result = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("username", "street", "password", "  "))).exchange();

		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("password");
	}

	@Test
	void unreadableJsonIsABadRequestProblem() {
		MvcTestResult result = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\": ").exchange();

		assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("请求内容无法解析，请检查 JSON 格式");
	}

	@Test
	void theApiNeedsAToken() {
		MvcTestResult result = mvc.get().uri("/api/v1/areas/tree").exchange();

		assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("请先登录或提供有效的访问令牌");
		assertThat(result).doesNotContainHeader("Location");
	}

	@Test
	void aGarbageTokenIsRefused() {
		MvcTestResult result = mvc.get().uri("/api/v1/areas/tree").header("Authorization", "Bearer not-a-real-token")
			.exchange();

		assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("访问令牌无效或已过期，请重新获取");
	}

	@Test
	void aValidTokenOpensTheApi() {
		String token = Api.token(mvc, "street");

		assertThat(mvc.get().uri("/api/v1/areas/tree").header("Authorization", Api.bearer(token))).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
	}

	@Test
	void aDisabledUsersTokenStopsWorkingAtOnceThoughTheNodeRemembersCheckedTokens() {
		String admin = accounts.admin("tokdisable");
		String token = Api.token(mvc, admin, TestAccounts.PASSWORD);
		assertThat(mvc.get().uri("/api/v1/areas/tree").header("Authorization", Api.bearer(token))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/areas/tree").header("Authorization", Api.bearer(token))).hasStatusOk();

		administration.setEnabled(accounts.idOf(admin), false, "admin");

		assertThat(mvc.get().uri("/api/v1/areas/tree").header("Authorization", Api.bearer(token))).hasStatus(401);
	}

	@Test
	void aSignedInPageSessionDoesNotOpenTheApi() {
		String user = accounts.resident("tokcookie");
		var session = accounts.session(user, TestAccounts.PASSWORD);

		assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/areas/tree").cookie(session)).hasStatus(401);
	}

}
