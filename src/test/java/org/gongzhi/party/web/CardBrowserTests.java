package org.gongzhi.party.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongzhi.party.MemberCmd;
import org.gongzhi.party.MemberStatus;
import org.gongzhi.party.OrgKind;
import org.gongzhi.party.OrganisationCmd;
import org.gongzhi.party.PartyAdministration;
import org.gongzhi.party.PostCmd;
import org.gongzhi.party.PostKind;
import org.gongzhi.party.ReportStatus;
import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taking a member's quarterly service card from the cards page in a real headless Chromium on a phone-sized window:
 * the street chooses the employer organisation and the quarter, finds the member with their confirmed hours, and the
 * card link answers with the PDF; and the leader records a visit to one of their communities. Skipped (visibly)
 * where Chromium and ChromeDriver are not installed.
 */
@GongzhiTest
class CardBrowserTests {

	@RegisterExtension
	static final Browser browser = Browser.window(390, 844);

	@LocalServerPort
	int port;

	@Autowired
	PartyAdministration party;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theStreetDownloadsAMembersCardFromTheCardsPage() {
		long working = jdbc.sql("select id from party.organisation where kind = 'WORKING_COMMITTEE' order by id limit 1")
			.query(Long.class).single();
		String orgName = "浏览器卡片单位" + System.nanoTime() % 100000 + "党支部";
		long org = party.createOrganisation(new OrganisationCmd(OrgKind.BRANCH, orgName, working, "110199001",
				LocalDate.of(2025, 1, 1), null, List.of(), null));
		long member = party.createMember(new MemberCmd(org, "孙下载", LocalDate.of(2012, 7, 1), MemberStatus.FULL, true,
				"示范区人民医院", "福康里2号楼", "110199001001001", null, null, null, null));
		Instant reported = Instant.now().minusSeconds(86_400);
		party.importReport(member, "110199001001", ReportStatus.ACCEPTED, reported, reported.plusSeconds(600), null);
		long post = party.createPost(new PostCmd("110199001001", PostKind.ELDER_CARE, "助老陪诊员", null, 5, null));
		long claim = party.claim(post, member);
		party.importService(claim, LocalDate.of(2026, 8, 3), new BigDecimal("3.5"), "陪同老人复诊", true);

		browser.signIn(url("/login"), "street", Browser.PASSWORD);
		browser.open(url("/party/cards"));
		new Select(browser.find(By.id("card-quarter"))).selectByValue("2026Q3");
		browser.waiting(10).until(ExpectedConditions.urlContains("quarter=2026Q3"));
		new Select(browser.find(By.id("card-org"))).selectByVisibleText(orgName);
		browser.waiting(10).until(ExpectedConditions.urlContains("org=" + org));
		WebElement row = browser.findAll(By.cssSelector("#card-rows tr.card-row")).stream()
			.filter(tr -> tr.getText().contains("孙下载")).findFirst().orElseThrow();
		assertThat(row.getText()).contains("3.5").contains("已报到");
		browser.shot("party-cards");
		String href = row.findElement(By.cssSelector("a.card-pdf")).getAttribute("href");
		assertThat(href).contains("/party/members/" + member + "/service-card").contains("quarter=2026Q3");
		Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type')
				  + ' ' + new TextDecoder('latin1').decode(new Uint8Array(b).slice(0, 5))))).catch(e => done('failed ' + e));
				""", href);
		assertThat(answer).isEqualTo("200 application/pdf %PDF-");
		browser.signOut();
	}

	@Test
	void theLeaderRecordsAVisitOnAPhone() {
		browser.signIn(url("/login"), "leader", Browser.PASSWORD);
		browser.open(url("/party/leaders"));
		WebElement first = browser.findAll(By.cssSelector("#leader-board a.leader-community")).get(0);
		assertThat(first.getText()).contains("我联系的");
		String code = first.getAttribute("data-code");
		first.click();
		browser.waiting(10).until(ExpectedConditions.urlContains("community=" + code));
		String topic = "浏览器走访：楼道堆物清理" + System.nanoTime() % 10000;
		WebElement form = browser.find(By.id("visit-form"));
		form.findElement(By.name("peopleMet")).sendKeys("社区书记、楼栋长");
		form.findElement(By.name("discussed")).sendKeys(topic);
		browser.submit(form.findElement(By.tagName("button")));
		assertThat(browser.find(By.cssSelector("main .alert-success")).getText()).isEqualTo("已保存");
		assertThat(browser.find(By.id("visits")).getText()).contains(topic);
		assertThat(browser.find(By.cssSelector("#leader-board a.leader-community.active")).getText())
			.contains("0 天前");
		browser.shot("party-leaders");
		browser.signOut();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
