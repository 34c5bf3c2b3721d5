package org.gongzhi.browser;

import java.util.List;

import org.gongzhi.cases.web.GridPoints;
import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed loop in a real headless Chromium, each step by the user whose job it is: a resident reports a problem
 * with a pin inside grid 110199001001001 and sees it routed to 福康里一区; the community registers and dispatches it;
 * the grid worker signs, handles and reports back; the community verifies and closes it; the resident rates it 满意;
 * the timeline shows every step. Skipped (visibly) where Chromium and ChromeDriver are not installed.
 */
@GongzhiTest
class CaseLoopBrowserTests {

	static final String GRID = "110199001001001";

	@RegisterExtension
	static final Browser browser = Browser.window(1280, 900);

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Test
	void aResidentsReportGoesRoundTheWholeLoop() throws Exception {
		double[] point = GridPoints.inside(mvc, GRID);

		// the resident reports on a phone-sized screen
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		signIn("resident");
		browser.open(url("/cases/report"));
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-map[data-ready=true]")));
		new Select(browser.find(By.id("major"))).selectByValue("01");
		new Select(browser.find(By.id("categoryCode"))).selectByValue("0102");
		browser.find(By.id("description")).sendKeys("小区东门外堆了一堆建筑垃圾，已经三天没人清理。");
		browser.find(By.id("lng")).sendKeys(String.format("%.6f", point[0]));
		browser.find(By.id("lat")).sendKeys(String.format("%.6f", point[1]), Keys.TAB);
		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-located"), "福康里一区"));
		assertThat(browser.findAll(By.cssSelector("#case-map .leaflet-marker-icon"))).hasSize(1);
		wait(10).until(ExpectedConditions.attributeToBe(By.id("case-map"), "data-grid", GRID));
		assertThat(Integer.parseInt(browser.find(By.id("case-map")).getDomAttribute("data-grid-count")))
			.as("the street's grids are outlined").isGreaterThan(10);
		assertThat(browser.find(By.id("case-map-grids-help")).isDisplayed()).isTrue();
		shot("case-report-form");
		submit(browser.find(By.id("report-submit")));

		String reported = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("case-reported"))).getText();
		String caseNo = browser.find(By.id("case-no")).getText();
		assertThat(caseNo).matches("GZ\\d{14}");
		assertThat(reported).contains("案件编号 " + caseNo, "已分派至 福康里一区（网格）办理");
		assertThat(browser.find(By.id("case-route-note")).getText()).contains("小事不出格", "福康里一区");
		assertThat(browser.find(By.id("case-no-actions")).getText()).contains("当前没有您可以执行的操作");
		wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-map[data-ready=true]")));
		shot("case-reported");
		signOut();

		// the community registers and dispatches it to the grid it was routed to
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
		signIn("community");
		browser.open(url("/cases?todo=true&q=" + caseNo));
		assertThat(browser.find(By.id("case-list-title")).getText()).isEqualTo("派遣台");
		shot("case-dispatch-board");
		browser.find(By.linkText(caseNo)).click();
		act("register", null);
		assertNotice("已立案");
		assertThat(new Select(browser.find(By.id("dispatch-unit"))).getFirstSelectedOption().getText())
			.isEqualTo("福康里一区");
		shot("case-dispatch");
		act("dispatch", "请网格员尽快清理");
		assertNotice("已派遣");
		signOut();

		// the grid worker signs, handles and reports back, from the worklist on a phone
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		signIn("grid");
		browser.open(url("/cases?todo=true"));
		browser.find(By.cssSelector(".case-cards a[href$='" + caseNo + "']")).click();
		act("sign", null);
		assertNotice("已签收");
		act("handle", "已联系物业清运，现场已清理干净");
		assertNotice("已记录处置情况");
		act("feedback", "处理完毕");
		assertNotice("已反馈，等待核查");
		shot("case-grid-worker");
		signOut();

		// the community verifies and closes it
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
		signIn("community");
		browser.open(url("/cases/" + caseNo));
		open("verify");
		browser.find(By.cssSelector("label[for=verify-passed]")).click();
		act("verify", "现场核查已清理");
		assertNotice("已核查");
		act("close", null);
		assertNotice("已结案");
		signOut();

		// the resident rates it and sees every step on the timeline
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		signIn("resident");
		browser.open(url("/cases/mine"));
		WebElement card = browser.find(By.xpath("//li[contains(@class,'case-card')][.//a[text()='" + caseNo + "']]"));
		assertThat(card.getText()).contains("已结案", "待评价");
		card.findElement(By.linkText(caseNo)).click();
		open("rate");
		browser.find(By.cssSelector("label[for=rate-SATISFIED]")).click();
		act("rate", "处理很及时，谢谢");
		assertNotice("感谢您的评价");
		assertThat(browser.find(By.id("case-satisfaction")).getText()).isEqualTo("满意");
		List<String> steps = browser.findAll(By.cssSelector("#case-timeline .case-step")).stream()
			.map(e -> e.getAttribute("data-action")).toList();
		assertThat(steps).containsExactly("accept", "register", "dispatch", "sign", "handle", "feedback", "verify",
				"close", "rate");
		String timeline = browser.find(By.id("case-timeline")).getText();
		assertThat(timeline).contains("受理", "立案", "派遣", "签收", "处置", "反馈", "核查", "结案", "评价", "张伟（网格员）",
				"李秀英（社区工作者）", "吴芳（居民）", "派遣至 福康里一区", "核查通过", "满意");
		shot("case-closed-timeline");
		signOut();

		// the street's boards: overdue cases, whistles and the category catalogue
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
		signIn("street");
		browser.open(url("/cases/overdue"));
		assertThat(browser.find(By.id("case-list-title")).getText()).isEqualTo("超期督办");
		shot("case-overdue");
		browser.open(url("/cases/whistles"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("吹哨报到");
		shot("case-whistles");
		browser.open(url("/cases/categories"));
		assertThat(browser.find(By.id("category-table")).getText()).contains("暴露垃圾", "网格");
		shot("case-categories");
		signOut();
	}

	/** Opens the action's section if needed, fills its note and sends it. */
	private void act(String action, String note) {
		open(action);
		if (note != null) {
			browser.find(By.id(action + "-note")).sendKeys(note);
		}
		submit(browser.find(By.id("action-" + action + "-submit")));
	}

	private void open(String action) {
		WebElement details = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("action-" + action)));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].open = true; arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", details);
	}

	private void submit(WebElement button) {
		browser.submit(button);
	}

	private void assertNotice(String text) {
		WebElement notice = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .alert-success")));
		assertThat(notice.getText()).isEqualTo(text);
		assertThat(browser.findAll(By.id("case-error"))).isEmpty();
	}

	private WebDriverWait wait(int seconds) {
		return browser.waiting(seconds);
	}

	private void signIn(String username) {
		browser.signIn(url("/login"), username, Browser.PASSWORD);
	}

	private void signOut() {
		browser.signOut();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void shot(String name) {
		browser.shot(name);
	}

}
