package org.gongzhi.party.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

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
 * The branch-life calendar and the star-rating worksheet as staff see them: the demo's cadence warnings, the record
 * form for managers only, a refused record shown in Chinese with the form filled in again, a recorded meeting on the
 * calendar with its minutes, corrected through the edit form, and last year's finalised rating in the history.
 */
@GongzhiTest
class BranchLifePageTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCalendarShowsMeetingsAndTheDemoBranchBehind() {
		String page = page("community", "/party/life");
		assertThat(page).contains("组织生活日历").contains("life-calendar").contains("本月支委会未开")
			.contains("id=\"meeting-form\"").contains("支部党员大会每季度");
		assertThat(page("leader", "/party/life")).contains("本月支委会未开").doesNotContain("id=\"meeting-form\"");
		assertThat(mvc.get().uri("/party/life").with(as("resident")).exchange()).hasStatus(403);
		String lastMonth = page("street", "/party/life?month=" + YearMonth.from(TODAY).minusMonths(1));
		assertThat(lastMonth).contains("life-meeting").contains("主题党日");
	}

	@Test
	void aMeetingIsRecordedThroughTheFormAndARefusalKeepsTheInput() {
		long branch = jdbc.sql("""
				select id from party.organisation where kind = 'BRANCH' and area_code like '110199001001%' order by id limit 1
				""").query(Long.class).single();
		MvcTestResult refused = mvc.post().uri("/party/life/meetings").with(as("secretary")).with(csrf())
			.param("organisationId", String.valueOf(branch)).param("kind", "THEME_DAY").param("heldOn", TODAY.toString())
			.param("topic", "表单测试主题党日").param("expected", "10").param("present", "12").exchange();
		assertThat(refused).hasStatus3xxRedirection();
		assertThat(refused.getMvcResult().getFlashMap().get("lifeError")).isEqualTo("实到人数（12）不能超过应到人数（10）");
		assertThat(refused.getMvcResult().getFlashMap().get("form").toString()).contains("表单测试主题党日");

		MvcTestResult saved = mvc.post().uri("/party/life/meetings").with(as("secretary")).with(csrf())
			.param("organisationId", String.valueOf(branch)).param("kind", "THEME_DAY").param("heldOn", TODAY.toString())
			.param("topic", "表单测试主题党日").param("place", "社区会议室").param("expected", "10").param("present", "9")
			.param("absentees", "孙缺席：外出探亲").param("minutes", "重温入党誓词\n清理楼道杂物").exchange();
		assertThat(saved).hasStatus3xxRedirection()
			.hasRedirectedUrl("/party/life?month=" + YearMonth.from(TODAY) + "&org=" + branch);
		assertThat(saved.getMvcResult().getFlashMap().get("lifeNotice")).isEqualTo("已保存");
		long id = jdbc.sql("select id from party.meeting where topic = '表单测试主题党日'").query(Long.class).single();
		assertThat(page("community", "/party/life?org=" + branch)).contains("表单测试主题党日");
		assertThat(page("community", "/party/life/meetings/" + id)).contains("清理楼道杂物").contains("孙缺席")
			.contains("外出探亲").contains("实到 9/10 人（90%）").contains("杨光明");
		assertThat(mvc.get().uri("/party/life/meetings/" + id).with(as("resident")).exchange()).hasStatus(403);

		MvcTestResult edited = mvc.post().uri("/party/life/meetings/" + id).with(as("community")).with(csrf())
			.param("organisationId", String.valueOf(branch)).param("kind", "THEME_DAY").param("heldOn", TODAY.toString())
			.param("topic", "表单测试主题党日").param("expected", "10").param("present", "10").param("absentees", "")
			.param("minutes", "重温入党誓词，全员到会").exchange();
		assertThat(edited).hasStatus3xxRedirection().hasRedirectedUrl("/party/life/meetings/" + id);
		assertThat(edited.getMvcResult().getFlashMap().get("lifeNotice")).isEqualTo("已保存");
		assertThat(page("community", "/party/life/meetings/" + id)).contains("实到 10/10 人（100%）").contains("全员到会")
			.doesNotContain("孙缺席").contains("id=\"edit-form\"");
		assertThat(page("leader", "/party/life/meetings/" + id)).doesNotContain("id=\"edit-form\"");
	}

	@Test
	void theWorksheetShowsCriteriaScoresAndTheHistory() {
		String sheet = page("street", "/party/stars");
		assertThat(sheet).contains("党组织星级评定").contains("居民满意度").contains("组织生活").contains("rating-sheet")
			.contains("criteria-form").contains("finalise-form").contains("历年评定结果").contains("rating-history");
		String history = sheet.substring(sheet.indexOf("id=\"rating-history\""));
		assertThat(history).contains(String.valueOf(TODAY.getYear() - 1)).contains("★");
		assertThat(page("community", "/party/stars")).contains("rating-sheet").doesNotContain("criteria-form")
			.doesNotContain("finalise-form");
		assertThat(page("street", "/party/stars?year=" + (TODAY.getYear() - 1))).contains("finalised-badge")
			.doesNotContain("score-input");
		MvcTestResult refused = mvc.post().uri("/party/stars/" + TODAY.getYear() + "/criteria").with(as("street"))
			.with(csrf()).param("code", "ORGANISATION").param("name", "组织建设").param("weight", "50")
			.param("source", "MANUAL").exchange();
		assertThat(refused.getMvcResult().getFlashMap().get("lifeError").toString()).startsWith("各项权重之和应为 100");
	}

	private RequestPostProcessor as(String username) {
		return Pages.as(signIn, username);
	}

	private String page(String username, String uri) {
		return Pages.html(mvc, signIn, username, uri);
	}

}
