package org.gongzhi.party.web;

import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The street's Party overview draws both charts, the coverage map draws the community's grids with its gaps, and
 * a grid page shows the Party panel, in a real headless Chromium. Skipped (visibly) without Chromium.
 */
@GongzhiTest
class PartyOverviewBrowserTests {

	@RegisterExtension
	static final Browser browser = Browser.window(1280, 900);

	@LocalServerPort
	int port;

	@Test
	void theOverviewChartsAndTheCoverageMapDraw() {
		browser.signIn(url("/login"), "street", Browser.PASSWORD);
		browser.open(url("/party/overview"));
		browser.waiting(15).until(ExpectedConditions.attributeToBe(By.id("overview-chart-months"), "data-ready", "true"));
		browser.waiting(15)
			.until(ExpectedConditions.attributeToBe(By.id("overview-chart-communities"), "data-ready", "true"));
		assertThat(browser.findAll(By.cssSelector("#overview-chart-months canvas"))).isNotEmpty();
		assertThat(Long.parseLong(browser.find(By.id("ov-members")).getText())).isPositive();
		browser.shot("party-overview");

		browser.open(url("/party/coverage"));
		browser.waiting(15).until(ExpectedConditions.attributeToBe(By.id("coverage-map"), "data-ready", "true"));
		int grids = Integer.parseInt(browser.find(By.id("coverage-map")).getDomAttribute("data-grid-count"));
		assertThat(grids).isPositive();
		assertThat(browser.findAll(By.cssSelector("#coverage-map path.leaflet-interactive"))).hasSize(grids);
		browser.shot("party-coverage");

		browser.open(url("/areas/110199001001001"));
		assertThat(browser.find(By.id("party-panel")).getText()).contains("党建引领");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
