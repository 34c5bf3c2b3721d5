package org.gongzhi.party.web;

import java.time.LocalDate;
import java.util.Set;

import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.party.MemberCmd;
import org.gongzhi.party.MemberStatus;
import org.gongzhi.party.PartyAdministration;
import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 双报到 in a real headless Chromium, on a phone-sized window for the member: an in-service member reports to the
 * community they live in, the community accepts it in its inbox, the member claims a post and records service, and
 * the community sees the record to confirm. Skipped (visibly) where Chromium and ChromeDriver are not installed.
 */
@GongzhiTest
class PartyBrowserTests {

	@RegisterExtension
	static final Browser browser = Browser.window(390, 844);

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	PartyAdministration party;

	@Autowired
	JdbcClient jdbc;

	@Test
	void reportAcceptClaimAndRecordService() {
		long employer = jdbc.sql("select id from party.organisation where name like '%机关党委' order by id limit 1")
			.query(Long.class).single();
		long user = accounts.create(new NewUser("partybrowser", "钱报到（党员）", Browser.PASSWORD,
				Set.of(Role.PARTY_MEMBER), null, false, null, null));
		party.createMember(new MemberCmd(employer, "钱报到", LocalDate.of(2008, 7, 1), MemberStatus.FULL, true,
				"示范区城管执法局", "福康里1号楼", "110199001001001", "13566667777", user, null, null));

		browser.signIn(url("/login"), "partybrowser", Browser.PASSWORD);
		browser.open(url("/party/mine"));
		browser.submit(browser.find(By.cssSelector("#report-now button")));
		assertThat(browser.find(By.id("my-reports")).getText()).contains("待审核");
		browser.shot("party-reported");
		browser.signOut();

		browser.signIn(url("/login"), "community", Browser.PASSWORD);
		browser.open(url("/party/reports?status=PENDING"));
		WebElement item = browser.findAll(By.cssSelector("#party-reports li.party-report")).stream()
			.filter(li -> li.getText().contains("钱报到")).findFirst().orElseThrow();
		browser.submit(item.findElement(By.cssSelector("button[name='accept'][value='true']")));
		assertThat(browser.find(By.cssSelector("main .alert-success")).getText()).isEqualTo("已保存");
		browser.signOut();

		browser.signIn(url("/login"), "partybrowser", Browser.PASSWORD);
		browser.open(url("/party/mine"));
		assertThat(browser.find(By.id("my-reports")).getText()).contains("已报到");
		browser.submit(browser.find(By.cssSelector("#available-posts .available-post form button")));
		WebElement form = browser.find(By.cssSelector(".my-post form.service-form"));
		form.findElement(By.name("what")).sendKeys("陪同独居老人就医两小时");
		browser.submit(form.findElement(By.tagName("button")));
		assertThat(browser.find(By.id("my-services")).getText()).contains("陪同独居老人就医两小时", "待确认");
		browser.shot("party-service-recorded");
		browser.signOut();

		browser.signIn(url("/login"), "community", Browser.PASSWORD);
		browser.open(url("/party/posts?community=110199001001"));
		WebElement record = browser.findAll(By.cssSelector("#party-services li.party-service")).stream()
			.filter(li -> li.getText().contains("陪同独居老人就医两小时")).findFirst().orElseThrow();
		browser.submit(record.findElement(By.cssSelector("button[value='true']")));
		browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("party-services")));
		assertThat(browser.findAll(By.cssSelector("#party-services li.party-service")).stream()
			.filter(li -> li.getText().contains("陪同独居老人就医两小时")).findFirst().orElseThrow().getText())
			.contains("已确认");
		browser.signOut();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
