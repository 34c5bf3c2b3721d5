package org.gongzhi.cases.kpi;

import java.time.Duration;

import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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

	@RegisterExtension
	static final Browser browser = Browser.window(1400, 1000);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KpiRollup rollup;

	@Test
	void aLeaderReadsTheChartsTableAndRankings() throws Exception {
		KpiScenario.load(jdbc);
		rollup.refreshDirty();
		WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
		browser.open(url("/login"));
		browser.find(By.id("username")).sendKeys("admin");
		browser.find(By.id("password")).sendKeys("Gongzhi@2026");
		browser.find(By.id("login-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gz-user")));

		browser.open(url("/kpis"));
		setDate("kpi-from", "2025-01-01");
		setDate("kpi-to", "2025-02-28");
		new Select(browser.find(By.id("kpi-groupBy"))).selectByValue("grid");
		browser.find(By.cssSelector("#kpi-filters button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#kpi-table tr[data-group='" + KpiScenario.G1 + "']")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kpi-chart-volume[data-ready=true] canvas")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kpi-chart-rates[data-ready=true] canvas")));
		assertThat(browser.findAll(By.id("kpi-filters"))).as("the form is not repeated by the swap").hasSize(1);
		assertThat(browser.driver().getCurrentUrl()).contains("groupBy=grid");
		assertThat(browser.find(By.cssSelector("#kpi-table tr[data-group='" + KpiScenario.G1 + "']")).getText())
			.contains("33.3%", "66.7%");
		shot("kpis");

		new Select(browser.find(By.id("kpi-rankMonth"))).selectByValue("2025-01");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-rank-onTime"), KpiScenario.G1));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kpi-chart-volume[data-ready=true] canvas")));
		assertThat(browser.find(By.id("kpi-rank-satisfaction")).getText()).contains(KpiScenario.G1);
		shot("kpis-ranking");
	}

	private void setDate(String id, String value) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void shot(String name) {
		browser.shot(name);
	}

}
