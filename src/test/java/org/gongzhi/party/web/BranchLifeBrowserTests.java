package org.gongzhi.party.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.gongzhi.party.OrgKind;
import org.gongzhi.party.OrganisationCmd;
import org.gongzhi.party.PartyAdministration;
import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Branch life in a real headless Chromium on a phone-sized window: the community worker sees a branch flagged for
 * missing this month's 支委会, follows the flag to the record form (branch and kind filled in), records the meeting,
 * and the flag disappears while the branch's other
 * reminders stay. Skipped (visibly) where Chromium and ChromeDriver are not installed.
 */
@GongzhiTest
class BranchLifeBrowserTests {

	@RegisterExtension
	static final Browser browser = Browser.window(390, 844);

	@LocalServerPort
	int port;

	@Autowired
	PartyAdministration party;

	@Test
	void recordingTheMonthlyCommitteeMeetingClearsTheBranchsFlag() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long branch = party.createOrganisation(new OrganisationCmd(OrgKind.BRANCH, "浏览器测试楼院党支部",
				null, "110199001001001", today.minusYears(1), today.plusYears(2), List.of(), null));

		browser.signIn(url("/login"), "community", Browser.PASSWORD);
		browser.open(url("/party/life?org=" + branch));
		assertThat(flags(branch)).contains("本月支委会未开", "本月主题党日未开展");
		browser.shot("party-life-flagged");

		WebElement warning = browser.findAll(By.cssSelector("#current-warnings .cadence-warning")).stream()
			.filter(li -> String.valueOf(branch).equals(li.getAttribute("data-org"))
					&& "COMMITTEE_MEETING".equals(li.getAttribute("data-kind")))
			.findFirst().orElseThrow();
		browser.open(warning.findElement(By.cssSelector("a.record-missing")).getAttribute("href"));
		WebElement form = browser.find(By.id("meeting-form"));
		assertThat(form.isDisplayed()).as("the record form opens for the missing meeting").isTrue();
		assertThat(new Select(form.findElement(By.name("organisationId"))).getFirstSelectedOption().getText())
			.isEqualTo("浏览器测试楼院党支部");
		assertThat(new Select(form.findElement(By.name("kind"))).getFirstSelectedOption().getText()).isEqualTo("支委会");
		form.findElement(By.name("topic")).sendKeys("研究本月网格服务安排");
		form.findElement(By.name("expected")).sendKeys("7");
		form.findElement(By.name("present")).sendKeys("6");
		form.findElement(By.name("absentees")).sendKeys("周缺席：出差");
		form.findElement(By.name("minutes")).sendKeys("一、通报本月工作\n二、明确分工");
		browser.submit(form.findElement(By.tagName("button")));

		assertThat(browser.find(By.id("life-notice")).getText()).isEqualTo("已保存");
		assertThat(flags(branch)).doesNotContain("本月支委会未开").contains("本月主题党日未开展");
		assertThat(browser.find(By.id("life-list")).getText()).contains("研究本月网格服务安排");
		browser.shot("party-life-recorded");
		browser.open(browser.find(By.cssSelector("#life-list .life-meeting a")).getAttribute("href"));
		assertThat(browser.find(By.id("meeting-minutes")).getText()).contains("明确分工");
		assertThat(browser.find(By.id("meeting-attendance")).getText()).contains("6/7");
		browser.signOut();
	}

	@Test
	void theStreetSeesTheWorksheetAndLastYearsStarsOnAPhone() {
		browser.signIn(url("/login"), "street", Browser.PASSWORD);
		browser.open(url("/party/stars"));
		assertThat(browser.findAll(By.cssSelector("#rating-sheet tr.rating-row"))).isNotEmpty();
		assertThat(browser.find(By.id("five-star-count")).getText()).startsWith("五星");
		assertThat(browser.find(By.id("rating-history")).getText()).contains(String.valueOf(
				LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1)).contains("★");
		browser.shot("party-stars");
		browser.signOut();
	}

	private List<String> flags(long branch) {
		return browser.findAll(By.cssSelector("#current-warnings .cadence-warning")).stream()
			.filter(li -> String.valueOf(branch).equals(li.getAttribute("data-org")))
			.map(li -> li.findElement(By.cssSelector("span.small")).getText()).toList();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
