package org.gongzhi.identity.web;

import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.TestAccounts;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * User administration (用户管理) as a system administrator uses it: the list with its htmx search, the create form with
 * its Chinese field errors, disabling, password resets, and who may reach the pages at all.
 */
@GongzhiTest
class UserAdminPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	UserDirectory directory;

	@Autowired
	SignInService signIn;

	@Autowired
	JdbcClient jdbc;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(userAccounts, signIn, mvc);
	}

	private MockMvcRequestBuilder createForm(String username, String displayName, String password, String role,
			String scope) {
		MockMvcRequestBuilder request = mvc.post().uri("/admin/users").with(accounts.as("admin")).with(csrf())
			.param("username", username).param("displayName", displayName).param("password", password)
			.param("roles", role).param("phone", "");
		if (scope != null) {
			request.param("scopeAreaCode", scope);
		}
		return request;
	}

	@Test
	void anAdministratorCreatesAGridWorkerWhoCanSignIn() {
		Cookie admin = accounts.session(accounts.admin("ua"), TestAccounts.PASSWORD);
		String username = TestAccounts.uniqueName("gw");

		MvcTestResult created = mvc.post().uri("/admin/users").cookie(admin).with(csrf()).param("username", username)
			.param("displayName", "李网格").param("password", "Grid2026pass").param("roles", "GRID_WORKER")
			.param("scopeAreaCode", accounts.streetCode()).param("phone", "13812345678").exchange();

		UserSummary user = directory.findByUsername(username).orElseThrow();
		assertThat(created).hasRedirectedUrl("/admin/users/" + user.id());
		assertThat(created).flash().containsEntry("notice", "user.created");
		assertThat(user.displayName()).isEqualTo("李网格");
		assertThat(user.roles()).containsExactly(Role.GRID_WORKER);
		assertThat(user.phoneMasked()).isEqualTo("138****5678");
		assertThat(user.enabled()).isTrue();

		assertThat(mvc.get().uri("/admin/users/{id}", user.id()).cookie(admin))
			.hasStatusOk().bodyText().contains("用户已创建").contains("李网格").contains("value=\"" + username + "\"");
		assertThat(accounts.tokenRequest(username, "Grid2026pass")).hasStatusOk();
		assertThat(signIn.loadUserByUsername(username).scope().areaCode()).isEqualTo(accounts.streetCode());
	}

	@Test
	void aBlankNameIsRefusedInChinese() {
		String username = TestAccounts.uniqueName("blank");

		MvcTestResult result = createForm(username, "  ", TestAccounts.PASSWORD, "RESIDENT", null).exchange();

		assertThat(result).hasStatusOk().hasViewName("identity/user-form");
		assertThat(result).bodyText().contains("请输入姓名").contains("value=\"" + username + "\"");
		assertThat(directory.findByUsername(username)).isEmpty();
	}

	@Test
	void aShortPasswordIsRefusedInChinese() {
		String username = TestAccounts.uniqueName("weak");

		MvcTestResult result = createForm(username, "测试", "abc", "RESIDENT", null).exchange();

		assertThat(result).hasStatusOk().hasViewName("identity/user-form");
		assertThat(result).bodyText().contains("密码长度须为 8 位以上");
		assertThat(directory.findByUsername(username)).isEmpty();
	}

	@Test
	void aPasswordWithoutDigitsIsRefusedInChinese() {
		String username = TestAccounts.uniqueName("weak");

		MvcTestResult result = createForm(username, "测试", "abcdefghij", "RESIDENT", null).exchange();

		assertThat(result).hasStatusOk().bodyText().contains("密码须同时包含字母和数字");
		assertThat(directory.findByUsername(username)).isEmpty();
	}

	@Test
	void staffNeedADataScope() {
		String username = TestAccounts.uniqueName("noscope");

		MvcTestResult result = createForm(username, "测试", TestAccounts.PASSWORD, "GRID_WORKER", null).exchange();

		assertThat(result).hasStatusOk().hasViewName("identity/user-form");
		assertThat(result).bodyText().contains("工作人员必须设置数据范围");
		assertThat(directory.findByUsername(username)).isEmpty();
	}

	@Test
	void anUnknownScopeAreaIsRefused() {
		String username = TestAccounts.uniqueName("badscope");

		MvcTestResult result = createForm(username, "测试", TestAccounts.PASSWORD, "GRID_WORKER", "999999999").exchange();

		assertThat(result).hasStatusOk().bodyText().contains("所选区域不存在");
		assertThat(directory.findByUsername(username)).isEmpty();
	}

	@Test
	void aDepartmentHandlerNeedsADepartment() {
		String username = TestAccounts.uniqueName("nodept");

		MvcTestResult result = createForm(username, "测试", TestAccounts.PASSWORD, "DEPARTMENT_HANDLER",
				accounts.streetCode()).exchange();

		assertThat(result).hasStatusOk().bodyText().contains("职能部门人员必须选择所属部门");
		assertThat(directory.findByUsername(username)).isEmpty();
	}

	@Test
	void aTakenUsernameIsRefusedWhateverItsCase() {
		String existing = accounts.resident("taken");

		MvcTestResult result = createForm(existing.toUpperCase(), "冒名", TestAccounts.PASSWORD, "RESIDENT", null)
			.exchange();

		assertThat(result).hasStatusOk().hasViewName("identity/user-form");
		assertThat(result).bodyText().contains("该用户名已被使用");
		assertThat(jdbc.sql("select count(*) from identity.app_user where lower(username) = lower(:u)")
			.param("u", existing).query(Long.class).single()).isEqualTo(1);
		assertThat(directory.findByUsername(existing).orElseThrow().displayName()).isNotEqualTo("冒名");
	}

	@Test
	void aMalformedUsernameAndNoRoleAreBothReported() {
		MvcTestResult result = mvc.post().uri("/admin/users").with(accounts.as("admin")).with(csrf())
			.param("username", "1bad name").param("displayName", "测试").param("password", TestAccounts.PASSWORD)
			.exchange();

		assertThat(result).hasStatusOk().bodyText().contains("用户名须以字母开头").contains("请至少选择一个角色");
		assertThat(directory.findByUsername("1bad name")).isEmpty();
	}

	@Test
	void aDisabledUserCanNoLongerSignInOrUseTheirToken() {
		String user = accounts.resident("disable");
		String token = Api.token(mvc, user, TestAccounts.PASSWORD);
		assertThat(mvc.get().uri("/api/v1/areas/tree").header("Authorization", "Bearer " + token)).hasStatusOk();

		MvcTestResult result = mvc.post().uri("/admin/users/{id}/enabled", accounts.idOf(user))
			.param("enabled", "false").with(accounts.as("admin")).with(csrf()).exchange();

		assertThat(result).hasRedirectedUrl("/admin/users/" + accounts.idOf(user));
		assertThat(result).flash().containsEntry("notice", "user.disabledNotice");
		MvcTestResult refused = accounts.tokenRequest(user, TestAccounts.PASSWORD);
		assertThat(refused).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.detail").isEqualTo("账户已停用");
		assertThat(mvc.get().uri("/api/v1/areas/tree").header("Authorization", "Bearer " + token)).hasStatus(401);
		assertThat(accounts.formLogin(user, TestAccounts.PASSWORD)).hasRedirectedUrl("/login?error=disabled");

		mvc.post().uri("/admin/users/{id}/enabled", accounts.idOf(user)).param("enabled", "true")
			.with(accounts.as("admin")).with(csrf()).exchange();
		assertThat(accounts.tokenRequest(user, TestAccounts.PASSWORD)).hasStatusOk();
	}

	@Test
	void aResetPasswordReplacesTheOldOne() {
		String user = accounts.resident("reset");

		MvcTestResult result = mvc.post().uri("/admin/users/{id}/password", accounts.idOf(user))
			.param("password", "Fresh2026pw").with(accounts.as("admin")).with(csrf()).exchange();

		assertThat(result).hasRedirectedUrl("/admin/users/" + accounts.idOf(user));
		assertThat(result).flash().containsEntry("notice", "user.passwordReset");
		assertThat(accounts.tokenRequest(user, "Fresh2026pw")).hasStatusOk();
		assertThat(accounts.tokenRequest(user, TestAccounts.PASSWORD)).hasStatus(401);
	}

	@Test
	void aResetPasswordEndsTheSessionsAndTokensOpenedWithTheOldOne() {
		String user = accounts.resident("resetsession");
		Cookie session = accounts.session(user, TestAccounts.PASSWORD);
		String token = Api.token(mvc, user, TestAccounts.PASSWORD);
		assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk();

		mvc.post().uri("/admin/users/{id}/password", accounts.idOf(user)).param("password", "Fresh2026pw")
			.with(accounts.as("admin")).with(csrf()).exchange();

		assertThat(mvc.get().uri("/").cookie(session)).hasStatus3xxRedirection().redirectedUrl().contains("/login");
		assertThat(mvc.get().uri("/api/v1/areas/tree").header("Authorization", "Bearer " + token)).hasStatus(401);
		String fresh = Api.token(mvc, user, "Fresh2026pw");
		assertThat(mvc.get().uri("/api/v1/areas/tree").header("Authorization", "Bearer " + fresh)).hasStatusOk();
	}

	@Test
	void aWeakResetPasswordIsRefusedAndTheOldOneStays() {
		String user = accounts.resident("resetweak");
		Cookie admin = accounts.session(accounts.admin("uareset"), TestAccounts.PASSWORD);

		MvcTestResult result = mvc.post().uri("/admin/users/{id}/password", accounts.idOf(user))
			.param("password", "abc").cookie(admin).with(csrf()).exchange();

		assertThat(result).hasRedirectedUrl("/admin/users/" + accounts.idOf(user));
		assertThat(result).flash().containsEntry("error", "user.password.length");
		assertThat(mvc.get().uri("/admin/users/{id}", accounts.idOf(user)).cookie(admin)).hasStatusOk().bodyText()
			.contains("密码长度须为 8 位以上");
		assertThat(accounts.tokenRequest(user, TestAccounts.PASSWORD)).hasStatusOk();
	}

	@Test
	void anAdministratorCannotDisableThemselves() {
		String admin = accounts.admin("self");
		Cookie session = accounts.session(admin, TestAccounts.PASSWORD);
		long id = accounts.idOf(admin);

		MvcTestResult result = mvc.post().uri("/admin/users/{id}/enabled", id).param("enabled", "false")
			.cookie(session).with(csrf()).exchange();

		assertThat(result).hasRedirectedUrl("/admin/users/" + id);
		assertThat(result).flash().containsEntry("error", "user.disableSelf");
		assertThat(directory.findById(id).orElseThrow().enabled()).isTrue();
		assertThat(mvc.get().uri("/admin/users/{id}", id).cookie(session))
			.hasStatusOk().bodyText().contains("不能停用自己的账户");
		assertThat(accounts.tokenRequest(admin, TestAccounts.PASSWORD)).hasStatusOk();
	}

	@Test
	void anAdministratorEditsRolesAndScope() {
		String user = accounts.resident("edit");
		long id = accounts.idOf(user);

		MvcTestResult result = mvc.post().uri("/admin/users/{id}", id).with(accounts.as("admin")).with(csrf())
			.param("username", "ignored").param("displayName", "改名后").param("roles", "RESIDENT", "VOLUNTEER")
			.param("version", "0").exchange();

		assertThat(result).hasRedirectedUrl("/admin/users/" + id);
		UserSummary after = directory.findById(id).orElseThrow();
		assertThat(after.username()).isEqualTo(user);
		assertThat(after.displayName()).isEqualTo("改名后");
		assertThat(after.roles()).containsExactlyInAnyOrder(Role.RESIDENT, Role.VOLUNTEER);
	}

	@Test
	void aStaleEditIsRefused() {
		String user = accounts.resident("stale");
		long id = accounts.idOf(user);
		mvc.post().uri("/admin/users/{id}", id).with(accounts.as("admin")).with(csrf()).param("username", user)
			.param("displayName", "第一次")
			.param("roles", "RESIDENT").param("version", "0").exchange();

		MvcTestResult result = mvc.post().uri("/admin/users/{id}", id).with(accounts.as("admin")).with(csrf())
			.param("username", user).param("displayName", "第二次").param("roles", "RESIDENT").param("version", "0").exchange();

		assertThat(result).hasStatusOk().bodyText().contains("该用户已被他人修改");
		assertThat(directory.findById(id).orElseThrow().displayName()).isEqualTo("第一次");
	}

	@Test
	void formPostsWithoutACsrfTokenAreRefused() {
		String user = accounts.resident("csrf");

		assertThat(mvc.post().uri("/admin/users/{id}/enabled", accounts.idOf(user)).param("enabled", "false")
			.with(accounts.as("admin"))).hasStatus(403);
		assertThat(directory.findByUsername(user).orElseThrow().enabled()).isTrue();
	}

	@Test
	void nonAdministratorsCannotReachUserAdministration() {
		for (String demo : new String[] { "community", "street", "grid", "leader", "resident" }) {
			assertThat(mvc.get().uri("/admin/users").with(accounts.as(demo))).as(demo).hasStatus(403);
		}
		String user = accounts.resident("sneaky");
		assertThat(mvc.post().uri("/admin/users/{id}/enabled", accounts.idOf("admin")).param("enabled", "false")
			.with(accounts.as(user)).with(csrf())).hasStatus(403);
		assertThat(directory.findByUsername("admin").orElseThrow().enabled()).isTrue();
		assertThat(mvc.get().uri("/admin/users")).hasStatus3xxRedirection().redirectedUrl().contains("/login");
	}

	@Test
	void theListShowsTheSearchedUsers() {
		String user = accounts.resident("list");

		MvcTestResult result = mvc.get().uri("/admin/users").param("q", user).with(accounts.as("admin")).exchange();

		assertThat(result).hasStatusOk().bodyText().contains("<html").contains("id=\"user-filters\"")
			.contains(">" + user + "</a>").doesNotContain(">admin</a>");
	}

	@Test
	void htmxSearchesGetOnlyTheTable() {
		String user = accounts.resident("htmx");

		MvcTestResult result = mvc.get().uri("/admin/users").param("q", user).header("HX-Request", "true")
			.with(accounts.as("admin")).exchange();

		assertThat(result).hasStatusOk().bodyText().doesNotContain("<html").doesNotContain("id=\"user-filters\"")
			.contains("id=\"user-table\"").contains(">" + user + "</a>").doesNotContain(">admin</a>");
	}

	@Test
	void htmxSearchesWithoutMatchesSayNoUsersMatch() {
		MvcTestResult result = mvc.get().uri("/admin/users").param("q", TestAccounts.uniqueName("none"))
			.header("HX-Request", "true").with(accounts.as("admin")).exchange();

		assertThat(result).hasStatusOk().bodyText().doesNotContain("<html").contains("没有符合条件的用户");
	}

	@Test
	void anUnknownUserPageIsNotFound() {
		assertThat(mvc.get().uri("/admin/users/{id}", Long.MAX_VALUE).with(accounts.as("admin"))).hasStatus(404)
			.bodyText().contains("用户不存在");
	}

	@Test
	void searchingForLikeWildcardsFindsThemLiterally() {
		for (String q : new String[] { "\\", "%", "_", "100%\\" }) {
			MvcTestResult result = mvc.get().uri("/admin/users").param("q", q).header("HX-Request", "true")
				.with(accounts.as("admin")).exchange();
			assertThat(result).as(q).hasStatusOk();
		}
		String percent = TestAccounts.uniqueName("pct");
		userAccounts.create(new NewUser(percent, "折扣100%", TestAccounts.PASSWORD,
				Set.of(Role.RESIDENT), null, false, null, null));
		assertThat(mvc.get().uri("/admin/users").param("q", "100%").header("HX-Request", "true")
			.with(accounts.as("admin"))).bodyText().contains(">" + percent + "</a>");
		assertThat(mvc.get().uri("/admin/users").param("q", "\\").header("HX-Request", "true")
			.with(accounts.as("admin"))).bodyText().doesNotContain(">" + percent + "</a>");
		assertThat(mvc.get().uri("/admin/users").param("q", "0_%").header("HX-Request", "true")
			.with(accounts.as("admin"))).bodyText().doesNotContain(">" + percent + "</a>");
	}

	@Test
	void disablingAUserEndsTheirOpenSessions() {
		String user = accounts.resident("disablesession");
		Cookie session = accounts.session(user, TestAccounts.PASSWORD);
		assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk();

		mvc.post().uri("/admin/users/{id}/enabled", accounts.idOf(user)).param("enabled", "false")
			.with(accounts.as("admin")).with(csrf()).exchange();

		assertThat(mvc.get().uri("/").cookie(session)).hasStatus3xxRedirection().redirectedUrl().contains("/login");
	}

}
