package org.gongzhi.browser;

import java.util.List;

import org.gongzhi.cases.web.GridPoints;
import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
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

	static Browser browser;

	static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start(1280, 900);
		driver = browser.driver();
	}

	@AfterAll
	static void stopBrowser() {
		Browser.quit(browser);
	}

	@Test
	void aResidentsReportGoesRoundTheWholeLoop() throws Exception {
		double[] point = GridPoints.inside(mvc, GRID);

		// the resident reports on a phone-sized screen
		driver.manage().window().setSize(new Dimension(390, 844));
		signIn("resident");
		driver.get(url("/cases/report"));
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-map[data-ready=true]")));
		new Select(driver.findElement(By.id("major"))).selectByValue("01");
		new Select(driver.findElement(By.id("categoryCode"))).selectByValue("0102");
		driver.findElement(By.id("description")).sendKeys("小区东门外堆了一堆建筑垃圾，已经三天没人清理。");
		driver.findElement(By.id("lng")).sendKeys(String.format("%.6f", point[0]));
		driver.findElement(By.id("lat")).sendKeys(String.format("%.6f", point[1]), Keys.TAB);
		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-located"), "福康里一区"));
		assertThat(driver.findElements(By.cssSelector("#case-map .leaflet-marker-icon"))).hasSize(1);
		wait(10).until(ExpectedConditions.attributeToBe(By.id("case-map"), "data-grid", GRID));
		assertThat(Integer.parseInt(driver.findElement(By.id("case-map")).getDomAttribute("data-grid-count")))
			.as("the street's grids are outlined").isGreaterThan(10);
		assertThat(driver.findElement(By.id("case-map-grids-help")).isDisplayed()).isTrue();
		shot("case-report-form");
		submit(driver.findElement(By.id("report-submit")));

		String reported = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("case-reported"))).getText();
		String caseNo = driver.findElement(By.id("case-no")).getText();
		assertThat(caseNo).matches("GZ\\d{14}");
		assertThat(reported).contains("案件编号 " + caseNo, "已分派至 福康里一区（网格）办理");
		assertThat(driver.findElement(By.id("case-route-note")).getText()).contains("小事不出格", "福康里一区");
		assertThat(driver.findElement(By.id("case-no-actions")).getText()).contains("当前没有您可以执行的操作");
		wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-map[data-ready=true]")));
		shot("case-reported");
		signOut();

		// the community registers and dispatches it to the grid it was routed to
		driver.manage().window().setSize(new Dimension(1280, 900));
		signIn("community");
		driver.get(url("/cases?todo=true&q=" + caseNo));
		assertThat(driver.findElement(By.id("case-list-title")).getText()).isEqualTo("派遣台");
		shot("case-dispatch-board");
		driver.findElement(By.linkText(caseNo)).click();
		act("register", null);
		assertNotice("已立案");
		assertThat(new Select(driver.findElement(By.id("dispatch-unit"))).getFirstSelectedOption().getText())
			.isEqualTo("福康里一区");
		shot("case-dispatch");
		act("dispatch", "请网格员尽快清理");
		assertNotice("已派遣");
		signOut();

		// the grid worker signs, handles and reports back, from the worklist on a phone
		driver.manage().window().setSize(new Dimension(390, 844));
		signIn("grid");
		driver.get(url("/cases?todo=true"));
		driver.findElement(By.cssSelector(".case-cards a[href$='" + caseNo + "']")).click();
		act("sign", null);
		assertNotice("已签收");
		act("handle", "已联系物业清运，现场已清理干净");
		assertNotice("已记录处置情况");
		act("feedback", "处理完毕");
		assertNotice("已反馈，等待核查");
		shot("case-grid-worker");
		signOut();

		// the community verifies and closes it
		driver.manage().window().setSize(new Dimension(1280, 900));
		signIn("community");
		driver.get(url("/cases/" + caseNo));
		open("verify");
		driver.findElement(By.cssSelector("label[for=verify-passed]")).click();
		act("verify", "现场核查已清理");
		assertNotice("已核查");
		act("close", null);
		assertNotice("已结案");
		signOut();

		// the resident rates it and sees every step on the timeline
		driver.manage().window().setSize(new Dimension(390, 844));
		signIn("resident");
		driver.get(url("/cases/mine"));
		WebElement card = driver.findElement(By.xpath("//li[contains(@class,'case-card')][.//a[text()='" + caseNo + "']]"));
		assertThat(card.getText()).contains("已结案", "待评价");
		card.findElement(By.linkText(caseNo)).click();
		open("rate");
		driver.findElement(By.cssSelector("label[for=rate-SATISFIED]")).click();
		act("rate", "处理很及时，谢谢");
		assertNotice("感谢您的评价");
		assertThat(driver.findElement(By.id("case-satisfaction")).getText()).isEqualTo("满意");
		List<String> steps = driver.findElements(By.cssSelector("#case-timeline .case-step")).stream()
			.map(e -> e.getAttribute("data-action")).toList();
		assertThat(steps).containsExactly("accept", "register", "dispatch", "sign", "handle", "feedback", "verify",
				"close", "rate");
		String timeline = driver.findElement(By.id("case-timeline")).getText();
		assertThat(timeline).contains("受理", "立案", "派遣", "签收", "处置", "反馈", "核查", "结案", "评价", "张伟（网格员）",
				"李秀英（社区工作者）", "吴芳（居民）", "派遣至 福康里一区", "核查通过", "满意");
		shot("case-closed-timeline");
		signOut();

		// the street's boards: overdue cases, whistles and the category catalogue
		driver.manage().window().setSize(new Dimension(1280, 900));
		signIn("street");
		driver.get(url("/cases/overdue"));
		assertThat(driver.findElement(By.id("case-list-title")).getText()).isEqualTo("超期督办");
		shot("case-overdue");
		driver.get(url("/cases/whistles"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("吹哨报到");
		shot("case-whistles");
		driver.get(url("/cases/categories"));
		assertThat(driver.findElement(By.id("category-table")).getText()).contains("暴露垃圾", "网格");
		shot("case-categories");
		signOut();
	}

	/** Opens the action's section if needed, fills its note and sends it. */
	private void act(String action, String note) {
		open(action);
		if (note != null) {
			driver.findElement(By.id(action + "-note")).sendKeys(note);
		}
		submit(driver.findElement(By.id("action-" + action + "-submit")));
	}

	private void open(String action) {
		WebElement details = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("action-" + action)));
		((JavascriptExecutor) driver).executeScript("arguments[0].open = true; arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", details);
	}

	private void submit(WebElement button) {
		browser.submit(button);
	}

	private void assertNotice(String text) {
		WebElement notice = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .alert-success")));
		assertThat(notice.getText()).isEqualTo(text);
		assertThat(driver.findElements(By.id("case-error"))).isEmpty();
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
