package org.gongzhi.browser;

import java.time.Duration;
import java.util.List;

import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main flow in a real headless Chromium: sign in → home → grid map → grid detail, plus the elder-friendly mode and
 * a refused sign-in. Skipped (visibly) where Chromium and ChromeDriver are not installed; {@code .ci/run} installs them.
 */
@GongzhiTest
class BrowserFlowTests {

	@RegisterExtension
	static final Browser browser = Browser.window(1280, 900);

	@LocalServerPort
	int port;

	@Test
	void signInThenMapThenGridDetail() throws Exception {
		signIn("community", "Gongzhi@2026");
		assertThat(browser.find(By.id("gz-user")).getText()).contains("李秀英");
		assertThat(browser.find(By.id("home-roles")).getText()).contains("社区工作者");

		browser.find(By.id("home-map-link")).click();
		WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
		WebElement map = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#gz-map[data-ready=true]")));
		int grids = Integer.parseInt(map.getAttribute("data-grid-count"));
		assertThat(grids).isBetween(7, 9);
		List<WebElement> polygons = browser.findAll(By.cssSelector("#gz-map path.leaflet-interactive"));
		assertThat(polygons).hasSizeGreaterThanOrEqualTo(grids);
		List<WebElement> labels = browser.findAll(By.cssSelector(".gz-grid-label"));
		assertThat(labels).hasSize(grids);
		shot("map");

		WebElement polygon = polygons.get(polygons.size() - 1);
		((JavascriptExecutor) browser.driver()).executeScript(
				"arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: 0, clientY: 0}))", polygon);
		WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".leaflet-popup a.gz-grid-link")));
		String gridName = link.getText();
		link.click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("area-name")));
		assertThat(browser.find(By.id("area-name")).getText()).isEqualTo(gridName);
		assertThat(browser.driver().getCurrentUrl()).matches(".*/areas/110199001001\\d{3}$");
		assertThat(browser.find(By.id("staff-list")).getText()).contains("专职网格员");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#gz-map[data-ready=true]")));
		assertThat(browser.findAll(By.cssSelector("#gz-map path.leaflet-interactive"))).isNotEmpty();
		shot("grid-detail");
		signOut();
	}

	@Test
	void elderModeIsRememberedForTheUser() throws Exception {
		signIn("resident", "Gongzhi@2026");
		browser.find(By.cssSelector("form[action$='/preferences/elder'] button")).click();
		assertThat(browser.find(By.tagName("body")).getAttribute("class")).contains("elder");
		shot("elder-home");
		signOut();
		signIn("resident", "Gongzhi@2026");
		assertThat(browser.find(By.tagName("body")).getAttribute("class")).contains("elder");
		browser.find(By.cssSelector("form[action$='/preferences/elder'] button")).click();
		assertThat(browser.find(By.tagName("body")).getAttribute("class")).doesNotContain("elder");
		signOut();
	}

	@Test
	void wrongPasswordIsRefusedWithAChineseMessage() {
		browser.open(url("/login"));
		browser.find(By.id("username")).sendKeys("leader");
		browser.find(By.id("password")).sendKeys("wrong-password-1");
		browser.find(By.id("login-submit")).click();
		assertThat(browser.find(By.id("login-error")).getText()).contains("用户名或密码错误");
		assertThat(browser.driver().getCurrentUrl()).contains("/login?error");
	}

	private void signIn(String username, String password) {
		browser.signIn(url("/login"), username, password);
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
