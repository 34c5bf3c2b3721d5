package org.gongzhi.open311.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.identity.TestAccounts;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.open311.domain.ClientRegistry;
import org.gongzhi.open311.domain.Open311Client;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.open311.web.GeoReportSupport.body;
import static org.gongzhi.open311.web.GeoReportSupport.json;
import static org.gongzhi.open311.web.GeoReportSupport.newRequest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Open311 client administration (Open311 接入管理) as a system administrator uses it: issue a key that is shown once
 * and files requests, disable the client and the key stops working; names are checked and only system
 * administrators reach the page.
 */
@GongzhiTest
class Open311AdminPageTests {

	private static final Pattern ISSUED_KEY = Pattern.compile("id=\"issued-key\"[^>]*value=\"([A-Za-z0-9_-]+)\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	SignInService signIn;

	@Autowired
	ClientRegistry registry;

	@Autowired
	JdbcClient jdbc;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(userAccounts, signIn, mvc);
	}

	private static String uniqueName() {
		return "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void anAdministratorIssuesAKeyThatFilesRequestsUntilTheClientIsDisabled() {
		String name = uniqueName();

		MvcTestResult created = mvc.post().uri("/admin/open311").with(accounts.as("admin")).with(csrf())
			.param("name", name).exchange();

		assertThat(created).hasStatusOk();
		assertThat(created.getResponse().getHeader("Cache-Control")).contains("no-store");
		String html = body(created);
		assertThat(html).contains(name, "只显示这一次");
		Matcher m = ISSUED_KEY.matcher(html);
		assertThat(m.find()).as("the new key is on the page").isTrue();
		String key = m.group(1);
		assertThat(key).hasSizeGreaterThanOrEqualTo(40);

		MvcTestResult filed = newRequest(mvc, "/open311/v2/requests.json", key, "0102").exchange();
		assertThat(filed).hasStatusOk();
		String caseNo = json(filed).get(0).path("service_request_id").asString();
		assertThat(jdbc.sql("select open311_client from cases.case_record where case_no = :no").param("no", caseNo)
			.query(String.class).single()).isEqualTo(name);

		assertThat(body(mvc.get().uri("/admin/open311").with(accounts.as("admin")).exchange())).contains(name)
			.doesNotContain(key);
		long id = registry.clients().stream().filter(c -> c.name().equals(name)).mapToLong(Open311Client::id)
			.findFirst().orElseThrow();

		MvcTestResult disabled = mvc.post().uri("/admin/open311/" + id + "/disable").with(accounts.as("admin"))
			.with(csrf()).exchange();

		assertThat(disabled).hasRedirectedUrl("/admin/open311");
		assertThat(disabled).flash().containsEntry("notice", "open311.client.disabledNotice");
		assertThat(newRequest(mvc, "/open311/v2/requests.json", key, "0102").exchange()).hasStatus(403);
		assertThat(jdbc.sql("""
				select action from identity.audit_log where target_type = 'open311.client' and target_id = :name
				order by id""").param("name", name).query(String.class).list())
			.containsExactly("open311.client.create", "open311.client.disable");
	}

	@Test
	void theListShowsTheDemoClientAndAsksBeforeDisabling() {
		MvcTestResult page = mvc.get().uri("/admin/open311").with(accounts.as("admin")).exchange();

		assertThat(page).hasStatusOk();
		String html = body(page);
		assertThat(html).contains("Open311 接入管理", ">demo<", "data-confirm=\"确定停用接入方「");
		assertThat(html).doesNotContain("demo-open311-key");
	}

	@Test
	void namesAreCheckedInChinese() {
		MvcTestResult tooShort = mvc.post().uri("/admin/open311").with(accounts.as("admin")).with(csrf())
			.param("name", "x").exchange();
		assertThat(body(tooShort)).contains("名称须为 2–40 个字符").doesNotContain("id=\"issued-key\"");

		MvcTestResult taken = mvc.post().uri("/admin/open311").with(accounts.as("admin")).with(csrf())
			.param("name", "DEMO").exchange();
		assertThat(body(taken)).contains("接入方名称「DEMO」已存在").doesNotContain("id=\"issued-key\"");

		MvcTestResult markup = mvc.post().uri("/admin/open311").with(accounts.as("admin")).with(csrf())
			.param("name", "<script>").exchange();
		assertThat(body(markup)).doesNotContain("<script>\"").doesNotContain("id=\"issued-key\"");
	}

	@Test
	void onlySystemAdministratorsReachThePage() {
		assertThat(mvc.get().uri("/admin/open311").with(accounts.as("street")).exchange()).hasStatus(403);
		assertThat(mvc.post().uri("/admin/open311").with(accounts.as("street")).with(csrf()).param("name",
				uniqueName()).exchange()).hasStatus(403);
		assertThat(mvc.get().uri("/admin/open311").exchange()).hasStatus(302);
	}

	@Test
	void anAdministratorSignedInByFormCanCreateAClient() {
		var session = accounts.session(accounts.admin("o311"), TestAccounts.PASSWORD);
		String name = uniqueName();

		MvcTestResult created = mvc.post().uri("/admin/open311").cookie(session).with(csrf()).param("name", name)
			.exchange();

		assertThat(created).hasStatusOk();
		assertThat(ISSUED_KEY.matcher(body(created)).find()).isTrue();
		assertThat(jdbc.sql("select created_by from open311.client where name = :n").param("n", name)
			.query(String.class).single()).startsWith("t_o311_");
	}

}
