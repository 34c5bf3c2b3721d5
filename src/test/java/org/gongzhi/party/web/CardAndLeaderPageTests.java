package org.gongzhi.party.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.gongzhi.support.GongzhiTest;
import org.gongzhi.support.Pages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The service card and leaders' contact pages as people use them: the employer organisation's members with card
 * downloads and the yearly summary, the card links on the member list and the member's own page, and the leaders'
 * board with a visit recorded and a refusal shown as a message.
 */
@GongzhiTest
class CardAndLeaderPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCardsPageListsAnEmployersMembersAndTheYearlySummary() throws Exception {
		long org = jdbc.sql("select id from party.organisation where name like '示范区税务局%' order by id limit 1")
			.query(Long.class).single();
		String html = page("street", "/party/cards?org=" + org + "&quarter=2026Q3&year=2026");
		assertThat(html).contains("季度服务卡").contains("2026年第三季度").contains("id=\"card-rows\"")
			.contains("/party/members/").contains("service-card?quarter=2026Q3&amp;format=pdf")
			.contains("/party/cards/organisations/" + org + "?quarter=2026Q3").contains("年度服务汇总（评优评先）")
			.contains("满 24 小时");
		assertThat(page("street", "/party/cards?year=2026&sort=name&dir=asc")).contains("summary-row")
			.contains("id=\"summary-community\"");
		assertThat(page("street", "/party/cards?year=2026&community=110199001001")).contains("summary-row")
			.contains("community=110199001001");
		MvcTestResult fragment = mvc.get().uri("/party/cards?year=2026&sort=records").header("HX-Request", "true")
			.with(as("street")).exchange();
		assertThat(fragment).hasStatusOk();
		assertThat(fragment.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"summary\"")
			.doesNotContain("<html");
		assertThat(mvc.get().uri("/party/cards?quarter=2026Q9").with(as("street")).exchange()).hasStatus(400);
		assertThat(mvc.get().uri("/party/cards").with(as("resident")).exchange()).hasStatus(403);
	}

	@Test
	void theMemberListAndTheMembersOwnPageLinkToTheCard() throws Exception {
		assertThat(page("community", "/party/members")).contains("member-card").contains("/service-card?format=pdf");
		String mine = page("member", "/party/mine");
		assertThat(mine).contains("我的季度服务卡").contains("id=\"my-card\"").contains("value=\"xlsx\"");
		long own = jdbc.sql("select id from party.member where name = '赵磊' order by id limit 1").query(Long.class)
			.single();
		MvcTestResult pdf = mvc.get().uri("/party/members/" + own + "/service-card?quarter=2026Q4&format=pdf")
			.with(as("member")).exchange();
		assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		assertThat(org.gongzhi.party.domain.PdfText.of(pdf.getResponse().getContentAsByteArray())).contains("赵磊");
		long other = jdbc.sql("select id from party.member where name <> '赵磊' and in_service order by id limit 1")
			.query(Long.class).single();
		assertThat(mvc.get().uri("/party/members/" + other + "/service-card").with(as("member")).exchange())
			.hasStatus(403);
	}

	@Test
	void theLeaderSeesTheirCommunitiesAndRecordsAVisit() {
		String board = page("leader", "/party/leaders");
		assertThat(board).contains("领导联系社区").contains("我联系的").contains("visit-overdue");
		String community = jdbc.sql("""
				select community_code from party.leader_assignment a where leader_user_id is not null
				order by id limit 1""").query(String.class).single();
		String detail = page("leader", "/party/leaders?community=" + community);
		assertThat(detail).contains("id=\"visit-form\"").contains("id=\"issue-form\"").contains("走访记录")
			.doesNotContain("id=\"assign-form\"");
		long assignment = jdbc.sql("""
				select id from party.leader_assignment where leader_user_id is not null and community_code = :c
				order by id limit 1""").param("c", community).query(Long.class).single();
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		MvcTestResult visited = mvc.post().uri("/party/leaders/visits").with(as("leader")).with(csrf())
			.param("assignmentId", String.valueOf(assignment)).param("visitedOn", today).param("peopleMet", "网格员")
			.param("discussed", "页面走访测试：垃圾分类驿站选址").param("community", community).exchange();
		assertThat(visited).hasStatus3xxRedirection().hasRedirectedUrl("/party/leaders?community=" + community);
		assertThat(page("leader", "/party/leaders?community=" + community)).contains("页面走访测试：垃圾分类驿站选址");
		MvcTestResult refused = mvc.post().uri("/party/leaders/issues").with(as("leader")).with(csrf())
			.param("assignmentId", String.valueOf(assignment)).param("title", "").param("community", community)
			.exchange();
		assertThat(refused).flash().containsEntry("error", "party.leader.title.required");
		assertThat(page("street", "/party/leaders?community=" + community)).contains("id=\"assign-form\"")
			.contains("data-confirm");
		assertThat(mvc.get().uri("/party/leaders").with(as("resident")).exchange()).hasStatus(403);
	}

	private RequestPostProcessor as(String username) {
		return Pages.as(signIn, username);
	}

	private String page(String username, String uri) {
		return Pages.html(mvc, signIn, username, uri);
	}

}
