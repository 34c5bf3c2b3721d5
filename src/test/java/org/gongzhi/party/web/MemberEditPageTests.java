package org.gongzhi.party.web;


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

/**
 * Editing a member in the browser: the form comes filled, keeping the masked phone keeps the number, a new badge
 * shows in the list, a bad input comes back with its message and the typed values, and a member outside the
 * editor's scope is not found.
 */
@GongzhiTest
class MemberEditPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCommunityWorkerChangesAMembersBadgeAndKeepsThePhone() {
		long branch = jdbc.sql("select id from party.organisation where area_code like '110199001001%' and kind = 'BRANCH' order by id limit 1")
			.query(Long.class).single();
		MvcTestResult created = mvc.post().uri("/party/members").with(as("community")).with(csrf())
			.param("organisationId", String.valueOf(branch)).param("name", "修改测试党员").param("joinDate", "2010-07-01")
			.param("status", "FULL").param("phone", "13911112222").exchange();
		assertThat(created).hasStatus3xxRedirection();
		long id = jdbc.sql("select id from party.member where name = '修改测试党员'").query(Long.class).single();

		String form = page("community", "/party/members/" + id + "/edit");
		assertThat(form).contains("修改党员信息").contains("value=\"修改测试党员\"").contains("139****2222");

		MvcTestResult saved = mvc.post().uri("/party/members/" + id).with(as("community")).with(csrf())
			.param("organisationId", String.valueOf(branch)).param("name", "修改测试党员").param("joinDate", "2010-07-01")
			.param("status", "FULL").param("phone", "139****2222").param("badgePost", "楼栋长")
			.param("badgePromise", "有事找我").exchange();
		assertThat(saved).hasStatus3xxRedirection();
		assertThat(saved.getMvcResult().getFlashMap().get("notice")).isEqualTo("party.page.saved");
		assertThat(jdbc.sql("select phone_masked || '|' || badge_post from party.member where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("139****2222|楼栋长");
		assertThat(page("community", "/party/members?q=修改测试党员")).contains("member-edit");

		MvcTestResult bad = mvc.post().uri("/party/members/" + id).with(as("community")).with(csrf())
			.param("organisationId", String.valueOf(branch)).param("name", "修改测试党员").param("status", "FULL")
			.param("badgePost", "新岗位").exchange();
		assertThat(bad).hasStatus3xxRedirection().hasRedirectedUrl("/party/members/" + id + "/edit");
		assertThat(bad.getMvcResult().getFlashMap().get("error")).isEqualTo("party.joinDate.required");

		long outside = jdbc.sql("""
				select m.id from party.member m join party.organisation o on o.id = m.organisation_id
				 where o.area_code like '110199001002%' and (m.residence_area_code is null or m.residence_area_code not like '110199001001%')
				 order by m.id limit 1
				""").query(Long.class).single();
		assertThat(mvc.get().uri("/party/members/" + outside + "/edit").with(as("community")).exchange()).hasStatus(404);
	}

	private RequestPostProcessor as(String username) {
		return Pages.as(signIn, username);
	}

	private String page(String username, String uri) {
		return Pages.html(mvc, signIn, username, uri);
	}

}
