package org.gongzhi.identity.web;

import jakarta.servlet.http.Cookie;
import org.gongzhi.identity.TestAccounts;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.identity.UserPreferences;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The elder-friendly mode (适老化) follows the user, not the browser, and the language switch turns the pages into
 * English while Chinese stays the default.
 */
@GongzhiTest
class PreferencesAndLanguageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	UserPreferences preferences;

	@Autowired
	SignInService signIn;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(userAccounts, signIn, mvc);
	}

	@Test
	void elderModeIsStoredForTheUserAndShownOnEveryPage() {
		String user = accounts.resident("elder");
		String other = accounts.resident("notelder");
		Cookie session = accounts.session(user, TestAccounts.PASSWORD);
		assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk().bodyText().contains("<body>")
			.doesNotContain("class=\"elder\"").contains("适老模式");

		MvcTestResult switched = mvc.post().uri("/preferences/elder").param("on", "true").cookie(session).with(csrf())
			.header("Referer", "http://localhost/my-grid").exchange();

		assertThat(switched).hasRedirectedUrl("/my-grid");
		assertThat(preferences.elderMode(accounts.idOf(user))).isTrue();
		assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk().bodyText().contains("<body class=\"elder\">")
			.contains("标准模式");
		Cookie laterSession = accounts.session(user, TestAccounts.PASSWORD);
		assertThat(mvc.get().uri("/").cookie(laterSession)).bodyText().as("a new sign-in on another device")
			.contains("<body class=\"elder\">");
		assertThat(mvc.get().uri("/").with(accounts.as(other))).bodyText().contains("<body>")
			.doesNotContain("class=\"elder\"");

		mvc.post().uri("/preferences/elder").param("on", "false").cookie(session).with(csrf()).exchange();
		assertThat(mvc.get().uri("/").cookie(session)).bodyText().contains("<body>").doesNotContain("class=\"elder\"");
	}

	@Test
	void beforeSignInElderModeIsRememberedByTheBrowser() {
		MvcTestResult switched = mvc.post().uri("/preferences/elder").param("on", "true").with(csrf()).exchange();

		assertThat(switched).hasRedirectedUrl("/");
		Cookie elder = switched.getResponse().getCookie("gz_elder");
		assertThat(elder).isNotNull();
		assertThat(mvc.get().uri("/login").cookie(elder)).hasStatusOk().bodyText().contains("<body class=\"elder\">");
		assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("<body>");
	}

	@Test
	void theSwitchNeverRedirectsToAnotherSite() {
		assertThat(mvc.post().uri("/preferences/elder").param("on", "true").with(csrf())
			.header("Referer", "https://evil.example/phish")).hasRedirectedUrl("/phish");
		assertThat(mvc.post().uri("/preferences/elder").param("on", "true").with(csrf())
			.header("Referer", "//evil.example/phish")).hasRedirectedUrl("/phish");
	}

	@Test
	void pagesAreChineseByDefault() {
		MvcTestResult result = mvc.get().uri("/login").exchange();

		assertThat(result).hasStatusOk().bodyText().contains("lang=\"zh-CN\"").contains("登录共治平台")
			.contains(">登录</button>").doesNotContain("Sign in");
	}

	@Test
	void theLanguageSwitchTurnsPagesIntoEnglishAndIsRemembered() {
		MvcTestResult english = mvc.get().uri("/login").param("lang", "en").exchange();

		assertThat(english).hasStatusOk().bodyText().contains("lang=\"en\"").contains("Sign in to Gongzhi")
			.contains(">Sign in</button>").doesNotContain("登录共治平台");
		Cookie language = english.getResponse().getCookie("gz_lang");
		assertThat(language).isNotNull();
		assertThat(mvc.get().uri("/login").cookie(language)).bodyText().contains(">Sign in</button>");
		assertThat(mvc.get().uri("/login").param("lang", "zh_CN").cookie(language)).bodyText()
			.contains(">登录</button>");
	}

	@Test
	void errorMessagesOnTheSignInPageFollowTheLanguage() {
		assertThat(mvc.get().uri("/login").param("error", "locked").param("lang", "en")).hasStatusOk().bodyText()
			.contains("The account is locked after too many failed sign-ins");
	}

}
