package org.gongzhi.browser;

import java.time.Duration;
import java.util.List;

import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
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

	static Browser browser;

	static WebDriver driver;

	@LocalServerPort
	int port;

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
	void signInThenMapThenGridDetail() throws Exception {
		signIn("community", "Gongzhi@2026");
		assertThat(driver.findElement(By.id("gz-user")).getText()).contains("李秀英");
		assertThat(driver.findElement(By.id("home-roles")).getText()).contains("社区工作者");

		driver.findElement(By.id("home-map-link")).click();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		WebElement map = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#gz-map[data-ready=true]")));
		int grids = Integer.parseInt(map.getAttribute("data-grid-count"));
		assertThat(grids).isBetween(7, 9);
		List<WebElement> polygons = driver.findElements(By.cssSelector("#gz-map path.leaflet-interactive"));
		assertThat(polygons).hasSizeGreaterThanOrEqualTo(grids);
		List<WebElement> labels = driver.findElements(By.cssSelector(".gz-grid-label"));
		assertThat(labels).hasSize(grids);
		shot("map");

		WebElement polygon = polygons.get(polygons.size() - 1);
		((JavascriptExecutor) driver).executeScript(
				"arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: 0, clientY: 0}))", polygon);
		WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".leaflet-popup a.gz-grid-link")));
		String gridName = link.getText();
		link.click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("area-name")));
		assertThat(driver.findElement(By.id("area-name")).getText()).isEqualTo(gridName);
		assertThat(driver.getCurrentUrl()).matches(".*/areas/110199001001\\d{3}$");
		assertThat(driver.findElement(By.id("staff-list")).getText()).contains("专职网格员");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#gz-map[data-ready=true]")));
		assertThat(driver.findElements(By.cssSelector("#gz-map path.leaflet-interactive"))).isNotEmpty();
		shot("grid-detail");
		signOut();
	}

	@Test
	void elderModeIsRememberedForTheUser() throws Exception {
		signIn("resident", "Gongzhi@2026");
		driver.findElement(By.cssSelector("form[action$='/preferences/elder'] button")).click();
		assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("elder");
		shot("elder-home");
		signOut();
		signIn("resident", "Gongzhi@2026");
		assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("elder");
		driver.findElement(By.cssSelector("form[action$='/preferences/elder'] button")).click();
		assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("elder");
		signOut();
	}

	@Test
	void wrongPasswordIsRefusedWithAChineseMessage() {
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys("leader");
		driver.findElement(By.id("password")).sendKeys("wrong-password-1");
		driver.findElement(By.id("login-submit")).click();
		assertThat(driver.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
		assertThat(driver.getCurrentUrl()).contains("/login?error");
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
