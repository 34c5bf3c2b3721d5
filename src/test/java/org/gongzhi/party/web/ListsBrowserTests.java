package org.gongzhi.party.web;

import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The done-when flow of the three lists in a real headless Chromium on a phone-sized window: the community publishes
 * a need through the form, the demo unit (驻区单位) finds it in the need list and claims it with an offer after the
 * confirming step, and the project appears on the public project board. Skipped (visibly) where Chromium and
 * ChromeDriver are not installed.
 */
@GongzhiTest
class ListsBrowserTests {

	@RegisterExtension
	static final Browser browser = Browser.window(390, 844);

	@LocalServerPort
	int port;

	@Test
	void communityPublishesANeedAUnitClaimsItAndTheProjectIsOnTheBoard() {
		String title = "浏览器测试助老需求" + (System.nanoTime() % 1_000_000);

		browser.signIn(url("/login"), "community", Browser.PASSWORD);
		browser.open(url("/party/lists"));
		click(browser.find(By.cssSelector("#publish-need-box summary")));
		WebElement form = browser.find(By.id("publish-need"));
		form.findElement(By.id("n-title")).sendKeys(title);
		new Select(form.findElement(By.id("n-category"))).selectByValue("ELDERLY");
		new Select(form.findElement(By.id("n-source"))).selectByValue("RESIDENTS");
		form.findElement(By.id("n-description")).sendKeys("独居老人每周需要上门探访");
		browser.submit(form.findElement(By.cssSelector("button")));
		assertThat(browser.find(By.cssSelector("main .alert-success")).getText()).isEqualTo("已保存");
		assertThat(needItem(title).getText()).contains("征集中");
		browser.shot("lists-need-published");
		browser.signOut();

		browser.signIn(url("/login"), "unit", Browser.PASSWORD);
		browser.open(url("/party/lists"));
		assertThat(browser.find(By.id("acting-as")).getText()).contains("示范区人民医院机关党委");
		WebElement search = browser.find(By.id("q"));
		search.sendKeys(title);
		click(browser.find(By.cssSelector("#lists-search button")));
		browser.waiting(15).until(d -> d.findElements(By.cssSelector("#needs .need-item")).size() == 1
				&& d.findElement(By.id("needs")).getText().contains(title));
		WebElement item = needItem(title);
		click(item.findElement(By.cssSelector("details.claim-need summary")));
		item.findElement(By.name("offer")).sendKeys("每周三下午派两名护士上门探访");
		browser.shot("lists-claiming");
		browser.submit(item.findElement(By.cssSelector("button.confirm-claim")));
		browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("project")));
		assertThat(browser.find(By.id("project-title")).getText()).isEqualTo(title);
		assertThat(browser.find(By.id("project-status")).getText()).isEqualTo("进行中");
		assertThat(browser.find(By.id("project-provider")).getText()).contains("示范区人民医院机关党委");
		assertThat(browser.findAll(By.id("progress-form"))).as("the unit keeps its project up").hasSize(1);
		browser.signOut();

		browser.signIn(url("/login"), "resident", Browser.PASSWORD);
		browser.open(url("/party/projects"));
		WebElement card = browser.findAll(By.cssSelector("#project-list .project-card")).stream()
			.filter(c -> c.getText().contains(title)).findFirst().orElseThrow();
		assertThat(card.getText()).contains("进行中", "示范区人民医院机关党委");
		browser.shot("lists-project-board");
		browser.signOut();
	}

	private WebElement needItem(String title) {
		return browser.findAll(By.cssSelector("#needs .need-item")).stream()
			.filter(e -> e.getText().contains(title)).findFirst().orElseThrow();
	}

	private void click(WebElement element) {
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
