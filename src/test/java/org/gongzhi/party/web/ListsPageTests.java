package org.gongzhi.party.web;

import java.util.Map;
import java.util.Set;

import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.support.GongzhiTest;
import org.gongzhi.support.Pages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The three lists pages as people use them: everyone reads the lists and the project board, a community publishes a
 * need through the form (and sees its fields marked when it is incomplete), a unit claims it into a project from the
 * list, the project page offers progress only to the people on either side, and a need shows its matches.
 */
@GongzhiTest
class ListsPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@Test
	void everyoneReadsTheListsAndBoardButOnlyTheRightPeopleSeeTheForms() {
		assertThat(page("resident", "/party/lists")).contains("需求清单", "资源清单", "项目清单", "need-item")
			.doesNotContain("publish-need").doesNotContain("确认认领");
		assertThat(page("community", "/party/lists")).contains("publish-need").contains("发布需求");
		assertThat(page("unit", "/party/lists")).contains("示范区人民医院机关党委").contains("确认认领")
			.doesNotContain("id=\"publish-need\"");
		assertThat(page("unit", "/party/lists?tab=resources")).contains("publish-resource").contains("resource-item");
		assertThat(page("resident", "/party/projects")).contains("项目公示栏").contains("project-card").contains("已完成");
		MvcTestResult fragment = mvc.get().uri("/party/projects?status=DONE").header("HX-Request", "true")
			.with(as("resident")).exchange();
		assertThat(fragment).hasStatusOk().bodyText().contains("project-list").doesNotContain("<html");
	}

	@Test
	void aNeedPublishedThroughTheFormIsClaimedFromTheListIntoAProject() {
		String title = "页面测试需求" + System.nanoTime();
		MvcTestResult empty = mvc.post().uri("/party/lists/needs").with(as("community")).with(csrf())
			.param("areaCode", "110199001001").param("title", "").param("category", "HEALTH").param("source", "RESIDENTS")
			.exchange();
		assertThat(empty.getMvcResult().getFlashMap().get("error")).isEqualTo("party.lists.title.required");
		assertThat(empty.getMvcResult().getFlashMap().get("errorField")).isEqualTo("title");
		@SuppressWarnings("unchecked")
		Map<String, String> form = (Map<String, String>) empty.getMvcResult().getFlashMap().get("needForm");
		assertThat(form).containsEntry("category", "HEALTH");

		MvcTestResult published = mvc.post().uri("/party/lists/needs").with(as("community")).with(csrf())
			.param("areaCode", "110199001001").param("title", title).param("category", "HEALTH")
			.param("source", "RESIDENTS").param("description", "页面测试").exchange();
		assertThat(published).hasStatus3xxRedirection();
		assertThat(published.getMvcResult().getFlashMap().get("notice")).isEqualTo("party.page.saved");
		long need = jdbc.sql("select id from party.need where title = :t").param("t", title).query(Long.class).single();
		assertThat(page("unit", "/party/lists?q=" + title)).contains(title).contains("claim-need-form");
		assertThat(page("community", "/party/lists/needs/" + need)).contains(title).contains("匹配建议")
			.contains("class=\"match\"").contains("withdraw-need");

		MvcTestResult claimed = mvc.post().uri("/party/lists/needs/" + need + "/claim").with(as("unit")).with(csrf())
			.param("offer", "派医生上门").exchange();
		long project = jdbc.sql("select id from party.project where need_id = :n").param("n", need).query(Long.class)
			.single();
		assertThat(claimed).hasStatus3xxRedirection().hasRedirectedUrl("/party/projects/" + project);
		assertThat(jdbc.sql("""
				select m.title || '|' || m.link from notify.message m join identity.app_user u on u.id = m.user_id
				 where u.username = 'community' and m.title like :t
				""").param("t", "%" + title + "%").query(String.class).list())
			.as("the community that published the need is told it was claimed")
			.containsExactly("您发布的需求「" + title + "」已被认领|/party/projects/" + project);
		assertThat(page("unit", "/party/projects/" + project)).contains(title).contains("progress-form")
			.contains("add-milestone");
		assertThat(page("resident", "/party/projects/" + project)).contains(title).contains("派医生上门")
			.doesNotContain("progress-form");

		MvcTestResult finishWithoutResult = mvc.post().uri("/party/projects/" + project + "/progress").with(as("unit"))
			.with(csrf()).param("progress", "100").param("status", "DONE").param("result", "").exchange();
		assertThat(finishWithoutResult.getMvcResult().getFlashMap().get("errorField")).isEqualTo("result");
	}

	@Test
	void aCommunityLinksAnAccountToAMemberUnitWhichThenActsForIt() {
		String username = "listsunit" + (System.nanoTime() % 1_000_000);
		accounts.create(new NewUser(username, "成员单位联络员", "Gongzhi@2026", Set.of(Role.PARTY_MEMBER), null, false, null,
				null));
		Map<String, Object> unit = jdbc.sql("""
				select u.id, u.organisation_id, u.name from party.member_unit u join party.organisation o on o.id = u.organisation_id
				where o.area_code = '110199001001' order by u.id limit 1
				""").query().singleRow();
		assertThat(page(username, "/party/lists?tab=resources")).contains("未关联驻区单位或党员信息");

		MvcTestResult unknown = mvc.post().uri("/party/lists/unit-accounts").with(as("community")).with(csrf())
			.param("username", "no-such-user").param("unit", unit.get("organisation_id").toString()).exchange();
		assertThat(unknown.getMvcResult().getFlashMap().get("error")).isEqualTo("party.lists.user.unknown");
		MvcTestResult linked = mvc.post().uri("/party/lists/unit-accounts").with(as("community")).with(csrf())
			.param("username", username).param("unit", unit.get("organisation_id") + ":" + unit.get("id")).exchange();
		assertThat(linked.getMvcResult().getFlashMap().get("notice")).isEqualTo("party.page.saved");
		assertThat(page(username, "/party/lists?tab=resources")).contains("acting-as").contains(unit.get("name").toString())
			.contains("成员单位").contains("publish-resource");
		assertThat(page("community", "/party/lists?tab=resources")).contains("link-unit");
		assertThat(page("resident", "/party/lists?tab=resources")).doesNotContain("link-unit");
	}

	@Test
	void aCaseIsPublishedAsANeedFromItsPageWithTheFormFilledFromTheCase() {
		String caseNo = jdbc.sql("""
				select case_no from cases.case_record
				 where grid_code = '110199001001001' and lng is not null
				 order by received_at desc limit 1
				""").query(String.class).single();
		String description = jdbc.sql("select description from cases.case_record where case_no = :no")
			.param("no", caseNo).query(String.class).single();

		assertThat(page("community", "/cases/" + caseNo)).contains("id=\"case-to-need\"")
			.contains("/party/lists?fromCase=" + caseNo);
		assertThat(page("grid", "/cases/" + caseNo)).doesNotContain("case-to-need");

		String form = page("community", "/party/lists?fromCase=" + caseNo);
		assertThat(form).contains("已按案件填好需求").contains("value=\"" + caseNo + "\"")
			.contains("<option value=\"RECURRING_CASE\" selected=\"selected\"").contains(description)
			.contains("（案件 " + caseNo + "）");

		assertThat(page("community", "/party/lists?fromCase=GZ00000000000000")).contains("没有找到该案件")
			.contains("value=\"GZ00000000000000\"");
		assertThat(page("unit", "/party/lists?fromCase=" + caseNo)).doesNotContain("已按案件填好需求")
			.doesNotContain("id=\"publish-need\"");
	}

	private RequestPostProcessor as(String username) {
		return Pages.as(signIn, username);
	}

	private String page(String username, String uri) {
		return Pages.html(mvc, signIn, username, uri);
	}

}
