package org.gongzhi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One headless Chromium for a browser test class, with the steps every browser test takes (sign in and out, submit
 * a form and wait for the next page, full-page screenshots into {@code target/screenshots}). A test class registers
 * it as an extension, {@code @RegisterExtension static final Browser browser = Browser.window(390, 844);}: it starts
 * before the class's tests and closes after them. Where Chromium or ChromeDriver is not installed every test of the
 * class is reported as skipped, with the reason; {@code .ci/run} installs both.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	public static final Path SHOTS = Path.of("target", "screenshots");

	public static final String PASSWORD = "Gongzhi@2026";

	private final int width;

	private final int height;

	private WebDriver driver;

	private Browser(int width, int height) {
		this.width = width;
		this.height = height;
	}

	/** A browser with this window size, started by JUnit before the test class and closed after it. */
	public static Browser window(int width, int height) {
		return new Browser(width, height);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (installed()) {
			driver = start(width, height);
		}
	}

	/** Without Chromium each test is reported as skipped, with the reason, so the gap shows in the test counts. */
	@Override
	public void beforeEach(ExtensionContext context) {
		assumeTrue(installed(),
				"Chromium/ChromeDriver not installed: apt-get install chromium chromium-driver (see .ci/run)");
	}

	private static boolean installed() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	/** Starts Chromium headless with a fresh profile and the given window size, in Chinese. */
	private static WebDriver start(int width, int height) {
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
					"--window-size=" + width + "," + height, "--lang=zh-CN",
					"--user-data-dir=" + Files.createTempDirectory("gz-chromium").toAbsolutePath());
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
			WebDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
			Files.createDirectories(SHOTS);
			return driver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public WebDriver driver() {
		return driver;
	}

	/** Opens the address in the browser's window. */
	public void open(String url) {
		driver.get(url);
	}

	/** The first element the locator finds (waiting briefly for it). */
	public WebElement find(By by) {
		return driver.findElement(by);
	}

	/** Every element the locator finds. */
	public java.util.List<WebElement> findAll(By by) {
		return driver.findElements(by);
	}

	public WebDriverWait waiting(int seconds) {
		return new WebDriverWait(driver, Duration.ofSeconds(seconds));
	}

	/** Signs in on the given login page address (dropping any session left open) and waits for the navigation. */
	public void signIn(String loginUrl, String username, String password) {
		driver.get(loginUrl);
		if (driver.findElements(By.id("username")).isEmpty()) {
			// still signed in, e.g. after an earlier test stopped half-way: start from a fresh session
			driver.manage().deleteAllCookies();
			driver.get(loginUrl);
		}
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
		waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("gz-user")));
	}

	/** Signs out through the navigation's form, even where the button is folded away on a narrow window. */
	public void signOut() {
		WebElement button = driver.findElement(By.cssSelector("form[action$='/logout'] button"));
		((JavascriptExecutor) driver).executeScript("arguments[0].form.submit()", button);
		waiting(10).until(ExpectedConditions.urlContains("/login"));
	}

	/** Clicks a submit button scrolled into view and waits until the page it was on is replaced. */
	public void submit(WebElement button) {
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
		button.click();
		waiting(15).until(ExpectedConditions.stalenessOf(button));
	}

	/** A screenshot of the whole page: the window is stretched to the page's height for it, then restored. */
	public void shot(String name) {
		Dimension size = driver.manage().window().getSize();
		long height = (Long) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollHeight");
		driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 140, 5000)));
		((JavascriptExecutor) driver).executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
		byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		driver.manage().window().setSize(size);
		try {
			Files.write(SHOTS.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
