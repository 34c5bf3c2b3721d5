package org.gongzhi.identity.web;

import java.util.List;
import java.util.Map;

import org.gongzhi.identity.TestAccounts;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The audit log (审计日志) records sign-ins and failures with actor and client address, cannot be altered, and is
 * readable by system administrators only.
 */
@GongzhiTest
class AuditLogTests {

	@Autowired
	org.springframework.context.MessageSource messages;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	SignInService signIn;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(userAccounts, signIn, mvc);
	}

	private static RequestPostProcessor from(String ip) {
		return request -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

	private List<Map<String, Object>> rowsOf(String actor) {
		return jdbc.sql("select actor, action, client_ip, detail from identity.audit_log where actor = :a order by id")
			.param("a", actor).query().listOfRows();
	}

	@Test
	void signInsAndFailedSignInsAreRecordedWithTheClientAddress() {
		String user = accounts.resident("audit");

		assertThat(mvc.post().uri("/api/v1/auth/token").with(from("10.20.30.41")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\",\"password\":\"Wrong1234pw\"}")).hasStatus(401);
		assertThat(mvc.post().uri("/api/v1/auth/token").with(from("10.20.30.42")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}")).hasStatusOk();

		assertThat(rowsOf(user)).extracting(r -> r.get("actor"), r -> r.get("action"), r -> r.get("client_ip"))
			.containsExactly(tuple(user, "auth.signInFailed", "10.20.30.41"), tuple(user, "auth.signIn", "10.20.30.42"));
	}

	@Test
	void formSignInsAreRecordedToo() {
		String user = accounts.resident("auditform");

		accounts.formLogin(user, "Wrong1234pw");
		accounts.session(user, TestAccounts.PASSWORD);

		assertThat(rowsOf(user)).extracting(r -> r.get("action")).containsExactly("auth.signInFailed", "auth.signIn");
	}

	@Test
	void theFailureThatLocksTheAccountSaysSo() {
		String user = accounts.resident("auditlock");
		for (int i = 0; i < 5; i++) {
			accounts.tokenRequest(user, "Wrong1234pw");
		}
		accounts.tokenRequest(user, TestAccounts.PASSWORD);

		List<Map<String, Object>> rows = rowsOf(user);
		assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r.get("action")).isEqualTo("auth.signInFailed"));
		assertThat((String) rows.get(4).get("detail")).contains("locked");
		assertThat((String) rows.get(5).get("detail")).isEqualTo("account locked");
	}

	@Test
	void administrativeChangesAreRecordedWithTheAdministratorAsActor() {
		String admin = accounts.admin("auditadmin");
		String user = accounts.resident("audittarget");

		mvc.post().uri("/admin/users/{id}/enabled", accounts.idOf(user)).param("enabled", "false")
			.with(accounts.as(admin)).with(csrf()).exchange();

		assertThat(jdbc.sql("select action, target_id from identity.audit_log where actor = :a").param("a", admin)
			.query().listOfRows()).extracting(r -> r.get("action"), r -> r.get("target_id"))
			.containsExactly(tuple("user.disable", user));
	}

	@Test
	void theAuditLogCannotBeChangedOrDeleted() {
		String user = accounts.resident("auditro");
		accounts.tokenRequest(user, TestAccounts.PASSWORD);
		long id = jdbc.sql("select max(id) from identity.audit_log where actor = :a").param("a", user)
			.query(Long.class).single();
		TransactionTemplate tx = new TransactionTemplate(transactions);

		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			s.setRollbackOnly();
			jdbc.sql("update identity.audit_log set actor = 'someone-else' where id = :id").param("id", id).update();
		})).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			s.setRollbackOnly();
			jdbc.sql("delete from identity.audit_log where id = :id").param("id", id).update();
		})).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			s.setRollbackOnly();
			jdbc.sql("truncate identity.audit_log").update();
		})).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

		assertThat(rowsOf(user)).extracting(r -> r.get("actor"), r -> r.get("action"))
			.containsExactly(tuple(user, "auth.signIn"));
	}

	@Test
	void anAdministratorFiltersTheAuditPageByActor() {
		String user = accounts.resident("auditpage");
		String other = accounts.resident("auditother");
		accounts.tokenRequest(user, "Wrong1234pw");
		accounts.tokenRequest(user, TestAccounts.PASSWORD);
		accounts.tokenRequest(other, TestAccounts.PASSWORD);

		MvcTestResult result = mvc.get().uri("/admin/audit").param("actor", user).with(accounts.as("admin")).exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(result).bodyText().contains("审计日志").contains("<td>" + user + "</td>")
			.contains(">auth.signIn</code>").contains(">auth.signInFailed</code>").contains("登录失败")
			.doesNotContain(other).doesNotContain("没有符合条件的记录");
	}

	@Test
	void theAuditPageFiltersByAction() {
		String user = accounts.resident("auditaction");
		accounts.tokenRequest(user, "Wrong1234pw");
		accounts.tokenRequest(user, TestAccounts.PASSWORD);

		MvcTestResult result = mvc.get().uri("/admin/audit").param("actor", user).param("action", "auth.signInFailed")
			.with(accounts.as("admin")).exchange();

		assertThat(result).hasStatusOk().bodyText().contains("登录失败").contains(">auth.signInFailed</code>")
			.doesNotContain(">auth.signIn</code>");
	}

	@Test
	void everyActionInTheLogHasAChineseAndAnEnglishName() {
		accounts.tokenRequest(accounts.resident("auditlabels"), TestAccounts.PASSWORD);
		mvc.post().uri("/api/v1/cases").header("Authorization", Api.bearer(Api.token(mvc, "clerk")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"categoryCode\":\"0102\",\"description\":\"审计名称\",\"address\":\"福康里社区\"}").exchange();
		List<String> actions = jdbc.sql("select distinct action from identity.audit_log order by 1").query(String.class)
			.list();

		assertThat(actions).contains("auth.signIn", "case.accept");
		for (String action : actions) {
			assertThat(messages.getMessage("audit.action." + action, null, null, java.util.Locale.SIMPLIFIED_CHINESE))
				.as(action).isNotBlank().matches(".*\\p{IsHan}.*");
			assertThat(messages.getMessage("audit.action." + action, null, null, java.util.Locale.ENGLISH))
				.as(action).isNotBlank().doesNotMatch(".*\\p{IsHan}.*");
		}
	}

	@Test
	void anUnknownActorShowsAnEmptyAuditPage() {
		assertThat(mvc.get().uri("/admin/audit").param("actor", TestAccounts.uniqueName("ghost"))
			.with(accounts.as("admin"))).hasStatusOk().bodyText().contains("没有符合条件的记录");
	}

	@Test
	void theAuditPageAnswersHtmxWithTheTableOnly() {
		MvcTestResult result = mvc.get().uri("/admin/audit").header("HX-Request", "true").with(accounts.as("admin"))
			.exchange();

		assertThat(result).hasStatusOk().bodyText().contains("id=\"audit-table\"").doesNotContain("<html")
			.doesNotContain("audit-filters\" method");
	}

	@Test
	void onlySystemAdministratorsSeeTheAuditLog() {
		assertThat(mvc.get().uri("/admin/audit").with(accounts.as("community"))).hasStatus(403);
		assertThat(mvc.get().uri("/admin/audit").with(accounts.as("street"))).hasStatus(403);
		assertThat(mvc.get().uri("/admin/audit")).hasStatus3xxRedirection().redirectedUrl().contains("/login");
	}

}
