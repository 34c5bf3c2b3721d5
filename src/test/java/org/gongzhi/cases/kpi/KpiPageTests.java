package org.gongzhi.cases.kpi;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.cases.kpi.KpiScenario.G1;
import static org.gongzhi.cases.kpi.KpiScenario.G2;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The KPI page (/kpis) as leaders and staff use it: the period and grouping form, the table with percentages and
 * sortable headings, the monthly rankings, the chart data, the empty state, and who may open it.
 */
@GongzhiTest
class KpiPageTests {

	private static final Pattern CHART_DATA = Pattern.compile("id=\"kpi-chart-data\"[^>]*>(.*?)</script>",
			Pattern.DOTALL);

	private static final String PERIOD = "from=2025-01-01&to=2025-02-28";

	private static volatile boolean loaded;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KpiRollup rollup;

	@Autowired
	UserDetailsService signIn;

	@BeforeEach
	void scenario() {
		if (!loaded) {
			KpiScenario.load(jdbc);
			rollup.refreshDirty();
			loaded = true;
		}
	}

	@Test
	void leadersSeeTheTableRankingsAndCharts() {
		String page = page("admin", "/kpis?" + PERIOD + "&groupBy=grid&rankMonth=2025-01&rank=grid");

		assertThat(page).contains("<h1 class=\"h3 m-0\">考核指标</h1>", "id=\"kpi-table\"", "按期结案率", "满意率",
				"/dist/echarts.min.js", "/js/kpis.js");
		String g1 = rowOf(page, G1);
		// G1: 3 received, 1 of 3 responded in time, 2 of 3 closed, 满意率 100%, 1 of 3 closed on time
		assertThat(g1).contains(">3<", "33.3%", "66.7%", "100.0%", "50.0%");
		assertThat(page).contains("id=\"kpi-rank-onTime\"", "id=\"kpi-rank-satisfaction\"");

		JsonNode chart = chartData(page);
		assertThat(chart.path("labels").path("onTimeClosureRate").asString()).isEqualTo("按期结案率");
		assertThat(chart.path("months").size()).isEqualTo(chart.path("received").size());
	}

	@Test
	void streetAdministratorsAndCommunityStaffMayOpenIt() {
		assertThat(page("street", "/kpis")).contains("id=\"kpi-filters\"");
		assertThat(page("community", "/kpis")).contains("id=\"kpi-filters\"");
		assertThat(page("leader", "/kpis")).contains("id=\"kpi-filters\"");
	}

	@Test
	void othersAreRefused() {
		for (String username : new String[] { "grid", "resident", "clerk", "dept" }) {
			assertThat(mvc.get().uri("/kpis").with(as(username)).exchange()).as(username).hasStatus(403);
		}
	}

	@Test
	void aPeriodWithoutCasesShowsTheEmptyState() {
		String page = page("admin", "/kpis?from=2001-01-01&to=2001-12-31");
		assertThat(page).contains("id=\"kpi-empty\"", "2001-01-01 至 2001-12-31 期间没有受理案件").doesNotContain("id=\"kpi-table\"");
	}

	@Test
	void headingsSortTheTable() {
		String page = page("admin", "/kpis?" + PERIOD + "&groupBy=grid&sort=received&dir=asc");
		assertThat(page.indexOf("data-group=\"" + G2 + "\"")).isLessThan(page.indexOf("data-group=\"" + G1 + "\""));
		page = page("admin", "/kpis?" + PERIOD + "&groupBy=grid&sort=received&dir=desc");
		assertThat(page.indexOf("data-group=\"" + G1 + "\"")).isLessThan(page.indexOf("data-group=\"" + G2 + "\""));
		assertThat(page).contains("aria-sort=\"descending\"");
	}

	@Test
	void htmxGetsOnlyTheBody() {
		MvcTestResult result = mvc.get().uri("/kpis?" + PERIOD + "&groupBy=grid").header("HX-Request", "true")
			.with(as("admin")).exchange();
		assertThat(result).hasStatusOk();
		String body = body(result);
		assertThat(body).startsWith("<div id=\"kpi-body\"").contains("id=\"kpi-table\"")
			.doesNotContain("<html", "id=\"kpi-filters\"");
	}

	@Test
	void aBadPeriodFallsBackToTheLastTwelveMonthsWithAMessage() {
		String page = page("admin", "/kpis?from=2025-03-01&to=2025-01-01");
		assertThat(page).contains("开始日期不能晚于结束日期");
	}

	@Test
	void englishOnRequest() {
		String page = page("admin", "/kpis?" + PERIOD + "&groupBy=grid&lang=en");
		assertThat(page).contains("On-time closure rate", "Monthly ranking");
	}

	private RequestPostProcessor as(String username) {
		return user((GongzhiUser) signIn.loadUserByUsername(username));
	}

	private String page(String username, String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(as(username)).exchange();
		assertThat(result).as("GET %s as %s", uri, username).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		return body(result);
	}

	private static String rowOf(String page, String group) {
		int start = page.indexOf("data-group=\"" + group + "\"");
		assertThat(start).as("row of %s", group).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private static JsonNode chartData(String page) {
		Matcher m = CHART_DATA.matcher(page);
		assertThat(m.find()).as("the page embeds kpi-chart-data").isTrue();
		return JsonMapper.builder().build().readTree(m.group(1));
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
