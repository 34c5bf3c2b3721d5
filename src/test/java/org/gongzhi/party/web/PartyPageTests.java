package org.gongzhi.party.web;

import java.util.HashMap;
import java.util.Map;

import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.gongzhi.support.Pages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The Party-building pages as people use them: the organisation tree with its gaps for staff, the badges for
 * residents, the member's own page, and a 双报到 registered and accepted in the community's inbox, with refusals
 * shown as a message.
 */
@GongzhiTest
class PartyPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffSeeTheTreeAndGapsResidentsDoNot() {
		assertThat(page("community", "/party")).contains("党组织树").contains("空白点").contains("party-gap")
			.contains("社区党委").doesNotContain("和平街道党工委");
		assertThat(page("street", "/party")).contains("和平街道党工委").contains("小区党建联盟");
		assertThat(mvc.get().uri("/party").with(as("resident")).exchange()).hasStatus(403);
		assertThat(page("community", "/party/members")).contains("党员名册").contains("****");
	}

	@Test
	void navigationOffersThePartyPagesByRole() {
		assertThat(page("community", "/")).contains("href=\"/party\"");
		assertThat(page("member", "/")).contains("href=\"/party/mine\"");
		assertThat(page("resident", "/")).doesNotContain("href=\"/party/mine\"").doesNotContain("href=\"/party\"");
	}

	@Test
	void residentsSeeMemberBadgesOfTheirCommunity() {
		assertThat(page("resident", "/party/badges?area=110199001001")).contains("党员亮身份").contains("party-badge");
	}

	@Test
	void theMemberSeesTheirReportAndPosts() {
		assertThat(page("member", "/party/mine")).contains("赵磊").contains("已报到").contains("我认领的岗位")
			.contains("service-form");
		assertThat(page("resident", "/party/mine")).contains("尚未关联党员信息");
	}

	@Test
	void aCommunityAcceptsARegisteredReportInItsInbox() {
		long employer = jdbc.sql("select id from party.organisation where name like '%机关党委' order by id limit 1")
			.query(Long.class).single();
		Map<String, Object> member = new HashMap<>(Map.of("organisationId", employer, "name", "页面测试党员",
				"joinDate", "2012-07-01", "status", "FULL", "inService", true, "employerUnit", "示范区测试单位",
				"residenceAreaCode", "110199001001001"));
		MvcTestResult created = mvc.post().uri("/api/v1/party/members")
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, "street")))
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(member)).exchange();
		long memberId = PartyApiTests.json(created, 201).path("id").asLong();

		MvcTestResult registered = mvc.post().uri("/party/reports").with(as("secretary")).with(csrf())
			.param("memberId", String.valueOf(memberId)).param("communityCode", "110199001001").exchange();
		assertThat(registered).hasStatus3xxRedirection().hasRedirectedUrl("/party/reports");
		long report = jdbc.sql("select id from party.dual_report where member_id = :m").param("m", memberId)
			.query(Long.class).single();
		assertThat(page("community", "/party/reports?status=PENDING")).contains("页面测试党员").contains("review-form");

		MvcTestResult refused = mvc.post().uri("/party/reports/" + report + "/review").with(as("community")).with(csrf())
			.param("accept", "false").param("reason", "").exchange();
		assertThat(refused.getMvcResult().getFlashMap().get("error")).isEqualTo("party.reason.required");

		MvcTestResult accepted = mvc.post().uri("/party/reports/" + report + "/review").with(as("community"))
			.with(csrf()).param("accept", "true").exchange();
		assertThat(accepted).hasStatus3xxRedirection();
		assertThat(accepted.getMvcResult().getFlashMap().get("notice")).isEqualTo("party.page.saved");
		assertThat(page("community", "/party/reports?status=ACCEPTED")).contains("页面测试党员");
		assertThat(page("community", "/party/posts")).contains("已报到未认岗党员").contains("页面测试党员")
			.contains("publish-post");
		long post = jdbc.sql("""
				select p.id from party.service_post p where p.community_code = '110199001001'
				and p.headcount > (select count(*) from party.post_claim c where c.post_id = p.id) order by p.id limit 1
				""").query(Long.class).single();
		MvcTestResult assigned = mvc.post().uri("/party/posts/assign").with(as("community")).with(csrf())
			.param("post", String.valueOf(post)).param("memberId", String.valueOf(memberId))
			.param("community", "110199001001").exchange();
		assertThat(assigned.getMvcResult().getFlashMap().get("notice")).isEqualTo("party.page.saved");
		assertThat(jdbc.sql("select count(*) from party.post_claim where member_id = :m").param("m", memberId)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void staffCreateAnOrganisationAndAMemberThroughTheForms() {
		MvcTestResult org = mvc.post().uri("/party/organisations").with(as("community")).with(csrf())
			.param("kind", "BRANCH").param("name", "表单测试楼院党支部").param("areaCode", "110199001001002")
			.param("secretary", "表书记").exchange();
		assertThat(org).hasStatus3xxRedirection();
		assertThat(org.getMvcResult().getFlashMap().get("notice")).isEqualTo("party.page.saved");
		assertThat(page("community", "/party")).contains("表单测试楼院党支部").contains("表书记");

		MvcTestResult outside = mvc.post().uri("/party/organisations").with(as("community")).with(csrf())
			.param("kind", "BRANCH").param("name", "越权党支部").param("areaCode", "110199001002001").exchange();
		assertThat(outside.getMvcResult().getFlashMap().get("error")).isEqualTo("party.outOfScope");

		long branch = jdbc.sql("select id from party.organisation where name = '表单测试楼院党支部'").query(Long.class).single();
		MvcTestResult member = mvc.post().uri("/party/members").with(as("community")).with(csrf())
			.param("organisationId", String.valueOf(branch)).param("name", "表单党员").param("joinDate", "2015-07-01")
			.param("status", "PROBATIONARY").param("phone", "13700001111").exchange();
		assertThat(member).hasStatus3xxRedirection();
		assertThat(page("community", "/party/members?q=表单党员")).contains("表单党员").contains("137****1111")
			.contains("预备党员").doesNotContain("13700001111");

		MvcTestResult noDate = mvc.post().uri("/party/members").with(as("community")).with(csrf())
			.param("organisationId", String.valueOf(branch)).param("name", "缺日期党员").param("status", "FULL").exchange();
		assertThat(noDate.getMvcResult().getFlashMap().get("error")).isEqualTo("party.joinDate.required");
	}

	@Test
	void theStreetSeesWhoOfAnEmployerOrganisationHasNotReported() {
		long employer = jdbc.sql("select id from party.organisation where name like '%机关党委' order by id limit 1")
			.query(Long.class).single();
		assertThat(page("street", "/party?org=" + employer)).contains("id=\"not-reported\"").contains("not-reported");
	}

	private RequestPostProcessor as(String username) {
		return Pages.as(signIn, username);
	}

	private String page(String username, String uri) {
		return Pages.html(mvc, signIn, username, uri);
	}

}
