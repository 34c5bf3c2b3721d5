package org.gongzhi.identity.web;

import org.gongzhi.identity.TestAccounts;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Signing in (登录) through the form and the API: five wrong passwords in a row lock an account (账户锁定) for both
 * doors until an administrator unlocks it; odd input is just a failed sign-in; the first-administrator set-up is
 * closed once users exist.
 */
@GongzhiTest
class SignInTests {

	static final String WRONG = "Wrong1234pw";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	SignInService signIn;

	@Autowired
	JdbcClient jdbc;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(userAccounts, signIn, mvc);
	}

	private void failTimes(String user, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(accounts.tokenRequest(user, WRONG)).hasStatus(401).bodyJson().extractingPath("$.detail")
				.isEqualTo("用户名或密码错误");
		}
	}

	@Test
	void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() {
		String user = accounts.resident("lock");
		failTimes(user, 5);

		MvcTestResult locked = accounts.tokenRequest(user, TestAccounts.PASSWORD);
		assertThat(locked).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(locked).bodyJson().extractingPath("$.detail").asString().contains("锁定");
		assertThat(locked).bodyText().doesNotContain("access_token");

		MvcTestResult page = mvc.get().uri("/admin/users/{id}", accounts.idOf(user)).with(accounts.as("admin"))
			.exchange();
		assertThat(page).hasStatusOk().bodyText().contains("已锁定").contains("解除锁定");

		MvcTestResult unlock = mvc.post().uri("/admin/users/{id}/unlock", accounts.idOf(user))
			.with(accounts.as("admin")).with(csrf()).exchange();
		assertThat(unlock).hasRedirectedUrl("/admin/users/" + accounts.idOf(user));
		assertThat(unlock).flash().containsEntry("notice", "user.unlocked");

		assertThat(accounts.tokenRequest(user, TestAccounts.PASSWORD)).hasStatusOk().bodyJson()
			.extractingPath("$.access_token").asString().isNotBlank();
	}

	@Test
	void fourWrongPasswordsDoNotLock() {
		String user = accounts.resident("lock4");
		failTimes(user, 4);

		assertThat(accounts.tokenRequest(user, TestAccounts.PASSWORD)).hasStatusOk();
	}

	@Test
	void aSuccessfulSignInStartsTheCountAgain() {
		String user = accounts.resident("lockreset");
		failTimes(user, 4);
		assertThat(accounts.tokenRequest(user, TestAccounts.PASSWORD)).hasStatusOk();
		failTimes(user, 4);

		assertThat(accounts.tokenRequest(user, TestAccounts.PASSWORD)).hasStatusOk();
	}

	@Test
	void theSignInFormSaysWhenAnAccountIsLocked() {
		String user = accounts.resident("lockform");
		for (int i = 0; i < 5; i++) {
			assertThat(accounts.formLogin(user, WRONG)).hasRedirectedUrl("/login?error=bad");
		}

		MvcTestResult result = accounts.formLogin(user, TestAccounts.PASSWORD);

		assertThat(result).hasRedirectedUrl("/login?error=locked");
		assertThat(result.getResponse().getCookie("SESSION")).isNull();
		assertThat(mvc.get().uri("/login?error=locked")).hasStatusOk().bodyText()
			.contains("账户已被锁定：连续登录失败次数过多");
	}

	@Test
	void lockingOneAccountLeavesOthersAlone() {
		String victim = accounts.resident("lockvictim");
		String bystander = accounts.resident("lockbystander");
		failTimes(victim, 5);

		assertThat(accounts.tokenRequest(bystander, TestAccounts.PASSWORD)).hasStatusOk();
		assertThat(accounts.tokenRequest(victim, TestAccounts.PASSWORD)).hasStatus(401);
	}

	@Test
	void theSignInFormSaysWhenThePasswordIsWrong() {
		String user = accounts.resident("formbad");

		assertThat(accounts.formLogin(user, WRONG)).hasRedirectedUrl("/login?error=bad");
		assertThat(mvc.get().uri("/login?error=bad")).hasStatusOk().bodyText().contains("用户名或密码错误");
	}

	@Test
	void theSignInFormOpensASession() {
		String user = accounts.resident("formok");

		var session = accounts.session(user, TestAccounts.PASSWORD);

		assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk().bodyText().contains("id=\"gz-user\"");
		assertThat(mvc.get().uri("/")).hasStatus3xxRedirection();
	}

	@Test
	void anOverlongUsernameIsJustAFailedSignIn() {
		String longName = "x".repeat(150);

		MvcTestResult api = accounts.tokenRequest(longName, WRONG);
		assertThat(api).hasStatus(401).bodyJson().extractingPath("$.detail").isEqualTo("用户名或密码错误");
		assertThat(accounts.formLogin(longName, WRONG)).hasRedirectedUrl("/login?error=bad");
	}

	@Test
	void theFirstAdministratorSetUpIsClosedOnceUsersExist() {
		assertThat(mvc.get().uri("/setup")).hasRedirectedUrl("/login");
		String adminHash = adminPasswordHash();

		MvcTestResult result = mvc.post().uri("/setup").param("password", "Takeover2026").param("confirm", "Takeover2026")
			.with(csrf()).exchange();

		assertThat(result).hasRedirectedUrl("/login");
		assertThat(adminPasswordHash()).isEqualTo(adminHash);
		assertThat(jdbc.sql("select count(*) from identity.app_user where lower(username) = 'admin'").query(Long.class)
			.single()).isEqualTo(1);
	}

	private String adminPasswordHash() {
		return jdbc.sql("select password_hash from identity.app_user where username = 'admin'").query(String.class)
			.single();
	}

	@Test
	void aSignedInUserVisitingTheSignInPageGoesHome() {
		String user = accounts.resident("formhome");
		var session = accounts.session(user, TestAccounts.PASSWORD);

		assertThat(mvc.get().uri("/login").cookie(session)).hasRedirectedUrl("/");
	}

	@Test
	void signingOutEndsTheSession() {
		String user = accounts.resident("formout");
		var session = accounts.session(user, TestAccounts.PASSWORD);

		assertThat(mvc.post().uri("/logout").cookie(session).with(csrf())).hasRedirectedUrl("/login?logout");
		assertThat(mvc.get().uri("/").cookie(session)).hasStatus3xxRedirection().redirectedUrl().contains("/login");
	}

}
