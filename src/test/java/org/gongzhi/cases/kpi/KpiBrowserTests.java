package org.gongzhi.cases.kpi;

import java.time.Duration;

import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI page in headless Chromium: a leader picks a period and a grouping, the ECharts charts draw, the table and
 * the rankings show the scenario's figures, and changing the ranking month redraws the page in place (htmx).
 * Skipped (visibly) where Chromium and ChromeDriver are not installed.
 */
@GongzhiTest
class KpiBrowserTests {

	static Browser browser;

	static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KpiRollup rollup;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start(1400, 1000);
		driver = browser.driver();
	}

	@AfterAll
	static void stopBrowser() {
		Browser.quit(browser);
	}

	@Test
	void aLeaderReadsTheChartsTableAndRankings() throws Exception {
		KpiScenario.load(jdbc);
		rollup.refreshDirty();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys("admin");
		driver.findElement(By.id("password")).sendKeys("Gongzhi@2026");
		driver.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gz-user")));

		driver.get(url("/kpis"));
		setDate("kpi-from", "2025-01-01");
		setDate("kpi-to", "2025-02-28");
		new Select(driver.findElement(By.id("kpi-groupBy"))).selectByValue("grid");
		driver.findElement(By.cssSelector("#kpi-filters button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#kpi-table tr[data-group='" + KpiScenario.G1 + "']")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kpi-chart-volume[data-ready=true] canvas")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kpi-chart-rates[data-ready=true] canvas")));
		assertThat(driver.findElements(By.id("kpi-filters"))).as("the form is not repeated by the swap").hasSize(1);
		assertThat(driver.getCurrentUrl()).contains("groupBy=grid");
		assertThat(driver.findElement(By.cssSelector("#kpi-table tr[data-group='" + KpiScenario.G1 + "']")).getText())
			.contains("33.3%", "66.7%");
		shot("kpis");

		new Select(driver.findElement(By.id("kpi-rankMonth"))).selectByValue("2025-01");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-rank-onTime"), KpiScenario.G1));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kpi-chart-volume[data-ready=true] canvas")));
		assertThat(driver.findElement(By.id("kpi-rank-satisfaction")).getText()).contains(KpiScenario.G1);
		shot("kpis-ranking");
	}

	private void setDate(String id, String value) {
		((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void shot(String name) {
		browser.shot(name);
	}

}
