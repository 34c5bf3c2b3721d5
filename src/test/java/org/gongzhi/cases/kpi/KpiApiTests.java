package org.gongzhi.cases.kpi;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.area.Areas;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gongzhi.cases.kpi.KpiScenario.BG;
import static org.gongzhi.cases.kpi.KpiScenario.C1;
import static org.gongzhi.cases.kpi.KpiScenario.C2;
import static org.gongzhi.cases.kpi.KpiScenario.DEMO_COMMUNITY;
import static org.gongzhi.cases.kpi.KpiScenario.G1;
import static org.gongzhi.cases.kpi.KpiScenario.G2;
import static org.gongzhi.cases.kpi.KpiScenario.G3;
import static org.gongzhi.cases.kpi.KpiScenario.STREET;

/**
 * GET /api/v1/kpis on the hand-computed scenario of {@link KpiScenario} (January–February 2025, Beijing time): every
 * count and rate of every group for each grouping, nulls for zero denominators, the caller's data scope, the rollup
 * refresh, and the 400 problems for bad parameters.
 */
@GongzhiTest
class KpiApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private static final String PERIOD = "from=2025-01-01&to=2025-02-28";

	private static final Double NULL = null;

	private static volatile boolean loaded;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KpiRollup rollup;

	@Autowired
	Areas areas;

	@Autowired
	TransactionTemplate tx;

	@BeforeEach
	void scenario() {
		if (!loaded) {
			KpiScenario.load(jdbc);
			rollup.refreshDirty();
			loaded = true;
		}
	}

	// Counts in the order received, dispatched, respondedInTime, closed, closedOnTime, due, reworked, extended, rated,
	// satisfied; rates in the order responseRate, resolutionRate, satisfactionRate, closureRate, onTimeClosureRate,
	// reworkRate, extensionRate.

	@Test
	void groupedByGridEveryCountAndRateIsAsComputedByHand() {
		JsonNode rows = get("admin", "/api/v1/kpis?" + PERIOD + "&groupBy=grid&area=" + STREET);

		assertThat(groups(rows)).containsExactly(G1, G2, G3, null);
		// G1: A1 (on time, 满意), A2 (late response, late closure, reworked, 基本满意), A3 (department, unsigned, extended,
		// open past its deadline)
		expect(rows.get(0), G1, G1, counts(3, 3, 1, 2, 1, 3, 1, 1, 2, 2), 1 / 3.0, 2 / 3.0, 1.0, 2 / 3.0, 1 / 3.0, 0.5,
				1 / 3.0);
		// G2: A4 (suspended: not due), A5 (reopened, extended, closed on time, 不满意)
		expect(rows.get(1), G2, G2, counts(2, 2, 2, 1, 1, 1, 1, 1, 1, 0), 1.0, 0.5, 0.0, 1.0, 1.0, 1.0, 0.5);
		// G3: A6 (never dispatched, open past its deadline); A7 void and A8 merged do not count
		expect(rows.get(2), G3, G3, counts(1, 0, 0, 0, 0, 1, 0, 0, 0, 0), NULL, 0.0, NULL, 0.0, 0.0, NULL, NULL);
		// not located to a grid: A9
		expect(rows.get(3), null, "未定位到区域", counts(1, 1, 1, 1, 1, 1, 0, 0, 0, 0), 1.0, 1.0, NULL, 1.0, 1.0, 0.0, 0.0);
	}

	@Test
	void groupedByCommunity() {
		JsonNode rows = get("admin", "/api/v1/kpis?" + PERIOD + "&groupBy=community&area=" + STREET);

		assertThat(groups(rows)).containsExactly(C1, C2, null);
		expect(rows.get(0), C1, C1, counts(5, 5, 3, 3, 2, 4, 2, 2, 3, 2), 0.6, 0.6, 2 / 3.0, 0.75, 0.5, 2 / 3.0, 0.4);
		expect(rows.get(1), C2, C2, counts(1, 0, 0, 0, 0, 1, 0, 0, 0, 0), NULL, 0.0, NULL, 0.0, 0.0, NULL, NULL);
		expect(rows.get(2), null, "未定位到区域", counts(1, 1, 1, 1, 1, 1, 0, 0, 0, 0), 1.0, 1.0, NULL, 1.0, 1.0, 0.0,
				0.0);
	}

	@Test
	void groupedByUnitWithTheUnitsNamesAndTypes() {
		JsonNode rows = get("admin", "/api/v1/kpis?" + PERIOD + "&groupBy=unit&area=" + STREET);

		assertThat(groups(rows)).containsExactly(C1, C2, "KDEPT", G1, G2, STREET);
		List<String> types = new ArrayList<>();
		rows.forEach(r -> types.add(r.path("unitType").asString()));
		assertThat(types).containsExactly("COMMUNITY", "COMMUNITY", "DEPARTMENT", "GRID", "GRID", "STREET");
		expect(rows.get(0), C1, "K一社区", counts(1, 1, 1, 1, 1, 1, 1, 1, 1, 0), 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0);
		expect(rows.get(1), C2, "K二社区", counts(1, 0, 0, 0, 0, 1, 0, 0, 0, 0), NULL, 0.0, NULL, 0.0, 0.0, NULL, NULL);
		expect(rows.get(2), "KDEPT", "K测试局", counts(1, 1, 0, 0, 0, 1, 0, 1, 0, 0), 0.0, 0.0, NULL, 0.0, 0.0, NULL,
				1.0);
		expect(rows.get(3), G1, "K一网格", counts(2, 2, 1, 2, 1, 2, 1, 0, 2, 2), 0.5, 1.0, 1.0, 1.0, 0.5, 0.5, 0.0);
		expect(rows.get(4), G2, "K二网格", counts(1, 1, 1, 0, 0, 0, 0, 0, 0, 0), 1.0, 0.0, NULL, NULL, NULL, NULL, 0.0);
		expect(rows.get(5), STREET, "K街道", counts(1, 1, 1, 1, 1, 1, 0, 0, 0, 0), 1.0, 1.0, NULL, 1.0, 1.0, 0.0, 0.0);
	}

	@Test
	void groupedByMonthInBeijingTime() {
		JsonNode rows = get("admin", "/api/v1/kpis?" + PERIOD + "&groupBy=month&area=" + STREET);

		assertThat(groups(rows)).containsExactly("2025-01", "2025-02");
		// January: A1–A4 (A11 was received at 23:30 on 31 December, Beijing time)
		expect(rows.get(0), "2025-01", "2025年1月", counts(4, 4, 2, 2, 1, 3, 1, 1, 2, 2), 0.5, 0.5, 1.0, 2 / 3.0,
				1 / 3.0, 0.5, 0.25);
		// February: A5 (received 00:30 on 1 February Beijing time, 31 January UTC), A6, A9
		expect(rows.get(1), "2025-02", "2025年2月", counts(3, 2, 2, 2, 2, 3, 1, 1, 1, 0), 1.0, 2 / 3.0, 0.0, 2 / 3.0,
				2 / 3.0, 0.5, 0.5);
	}

	@Test
	void monthNamesFollowTheCallersLanguage() {
		MvcTestResult result = mvc.get().uri("/api/v1/kpis?" + PERIOD + "&groupBy=month&area=" + STREET)
			.header("Authorization", Api.bearer(token("admin")))
			.header("Accept-Language", "en")
			.exchange();
		JsonNode rows = json(result);
		assertThat(rows.get(0).path("name").asString()).isEqualTo("Jan 2025");
	}

	@Test
	void groupedByGridAndMonth() {
		JsonNode rows = get("admin", "/api/v1/kpis?" + PERIOD + "&groupBy=grid,month&area=" + STREET);

		List<String> keys = new ArrayList<>();
		rows.forEach(r -> keys.add(r.path("group").asString(null) + "/" + r.path("month").asString()));
		assertThat(keys).containsExactly(G1 + "/2025-01", G2 + "/2025-01", G2 + "/2025-02", G3 + "/2025-02",
				"null/2025-02");
		expect(rows.get(1), G2, G2, counts(1, 1, 1, 0, 0, 0, 0, 0, 0, 0), 1.0, 0.0, NULL, NULL, NULL, NULL, 0.0);
		expect(rows.get(2), G2, G2, counts(1, 1, 1, 1, 1, 1, 1, 1, 1, 0), 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0);
		assertThat(get("admin", "/api/v1/kpis?" + PERIOD + "&groupBy=month,grid&area=" + STREET)).isEqualTo(rows);
	}

	@Test
	void groupedByStreet() {
		JsonNode rows = get("admin", "/api/v1/kpis?" + PERIOD + "&groupBy=street&area=" + STREET);

		assertThat(groups(rows)).containsExactly(STREET);
		expect(rows.get(0), STREET, STREET, counts(7, 6, 4, 4, 3, 6, 2, 2, 3, 2), 4 / 6.0, 4 / 7.0, 2 / 3.0, 4 / 6.0,
				3 / 6.0, 0.5, 2 / 6.0);
	}

	@Test
	void aPeriodOfWholeAndPartialMonthsByStreet() {
		// 6 January to 28 February: A2–A6 and A9 (A1 was received on 5 January)
		JsonNode rows = get("admin", "/api/v1/kpis?from=2025-01-06&to=2025-02-28&groupBy=street&area=" + STREET);
		expect(rows.get(0), STREET, STREET, counts(6, 5, 3, 3, 2, 5, 2, 2, 2, 1), 0.6, 0.5, 0.5, 0.6, 0.4, 2 / 3.0,
				0.4);
	}

	@Test
	void theStreetAndMonthRollupsAgreeWithTheGridRollup() {
		for (String period : new String[] { PERIOD, "from=2025-01-06&to=2025-02-28", "from=2025-01-01&to=2025-02-09",
				"from=2025-01-20&to=2025-02-15", "from=2024-12-01&to=2025-03-31" }) {
			JsonNode street = get("admin", "/api/v1/kpis?" + period + "&groupBy=street&area=" + STREET);
			JsonNode months = get("admin", "/api/v1/kpis?" + period + "&groupBy=month&area=" + STREET);
			JsonNode grids = get("admin", "/api/v1/kpis?" + period + "&groupBy=grid&area=" + STREET);
			for (String field : COUNT_FIELDS) {
				long sumGrids = 0;
				for (JsonNode g : grids) {
					sumGrids += g.path(field).asLong();
				}
				long sumMonths = 0;
				for (JsonNode m : months) {
					sumMonths += m.path(field).asLong();
				}
				assertThat(street.get(0).path(field).asLong()).as("%s in %s", field, period).isEqualTo(sumGrids)
					.isEqualTo(sumMonths);
			}
		}
	}

	@Test
	void aCaseBelongsToTheBeijingDayItWasReceivedOn() {
		assertThat(get("admin", "/api/v1/kpis?from=2025-01-31&to=2025-01-31&area=" + STREET)).isEmpty();
		JsonNode rows = get("admin", "/api/v1/kpis?from=2025-02-01&to=2025-02-01&area=" + STREET);
		assertThat(groups(rows)).containsExactly("2025-02");
		assertThat(rows.get(0).path("received").asLong()).isEqualTo(1);
	}

	@Test
	void theWholeStreetByMonthWithoutAnAreaFilterShowsOnlyTheAdministratorsOwnGroupsOnce() {
		JsonNode rows = get("admin", "/api/v1/kpis?" + PERIOD + "&groupBy=grid");
		List<String> mine = groups(rows).stream().filter(g -> g != null && g.startsWith(STREET)).toList();
		assertThat(mine).containsExactly(G1, G2, G3);
	}

	// data scope

	@Test
	void communityStaffSeeOnlyTheirCommunity() {
		JsonNode rows = get("community", "/api/v1/kpis?" + PERIOD + "&groupBy=grid");

		assertThat(groups(rows)).contains(BG).allMatch(g -> g == null || g.startsWith(DEMO_COMMUNITY));
		JsonNode bg = row(rows, BG);
		// B1 closed on time and 满意; B2 signed, open past its deadline
		expect(bg, BG, BG, counts(2, 2, 2, 1, 1, 2, 0, 0, 1, 1), 1.0, 0.5, 1.0, 0.5, 0.5, 0.0, 0.0);

		JsonNode communities = get("community", "/api/v1/kpis?" + PERIOD + "&groupBy=community");
		assertThat(groups(communities)).containsExactly(DEMO_COMMUNITY);
		assertThat(communities.get(0).path("name").asString())
			.isEqualTo(areas.find(DEMO_COMMUNITY).orElseThrow().name());

		assertThat(get("community", "/api/v1/kpis?" + PERIOD + "&groupBy=grid&area=" + STREET)).isEmpty();
		assertThat(groups(get("community", "/api/v1/kpis?" + PERIOD + "&groupBy=grid&area=110199001")))
			.allMatch(g -> g == null || g.startsWith(DEMO_COMMUNITY));
	}

	@Test
	void streetAdministratorsDoNotSeeOtherStreets() {
		assertThat(groups(get("street", "/api/v1/kpis?" + PERIOD + "&groupBy=grid")))
			.noneMatch(g -> g != null && g.startsWith(STREET));
		assertThat(get("street", "/api/v1/kpis?" + PERIOD + "&area=" + STREET)).isEmpty();
	}

	@Test
	void departmentHandlersSeeOnlyTheirDepartmentsCases() {
		JsonNode rows = get("dept", "/api/v1/kpis?" + PERIOD + "&groupBy=unit");
		assertThat(groups(rows)).containsExactly("CGZF");
		assertThat(rows.get(0).path("unitType").asString()).isEqualTo("DEPARTMENT");

		JsonNode bg = get("dept", "/api/v1/kpis?" + PERIOD + "&groupBy=grid&area=" + BG);
		assertThat(groups(bg)).containsExactly(BG);
		expect(bg.get(0), BG, BG, counts(1, 1, 1, 0, 0, 1, 0, 0, 0, 0), 1.0, 0.0, NULL, 0.0, 0.0, NULL, 0.0);
	}

	@Test
	void residentsAreRefused() {
		MvcTestResult result = mvc.get().uri("/api/v1/kpis").header("Authorization", Api.bearer(token("resident")))
			.exchange();
		assertThat(result).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.get().uri("/api/v1/kpis").exchange()).hasStatus(401);
	}

	@Test
	void withoutParametersTheLastTwelveMonthsByMonth() {
		JsonNode rows = get("street", "/api/v1/kpis");
		assertThat(rows.size()).isLessThanOrEqualTo(12);
		rows.forEach(r -> assertThat(r.path("group").asString()).matches("\\d{4}-\\d{2}"));
	}

	// refresh

	@Test
	void theRollupFollowsChangesAfterARefresh() {
		jdbc.sql("delete from cases.case_record where case_no in ('KPIT-R1', 'KPIT-R2')").update();
		KpiScenario.insert(jdbc, new KpiScenario.Case("KPIT-R1", "DISPATCHED", G1, C1, STREET, "GRID", G1, "K一网格")
			.received("2023-06-15T09:00").dispatched("2023-06-15T09:10", "2023-06-15T13:10").deadline("2099-01-01T00:00"));
		rollup.refreshDirty();
		String uri = "/api/v1/kpis?from=2023-06-15&to=2023-06-15&area=" + G1;
		expect(get("admin", uri).get(0), "2023-06", "2023年6月", counts(1, 1, 0, 0, 0, 0, 0, 0, 0, 0), 0.0, 0.0, NULL,
				NULL, NULL, NULL, 0.0);

		jdbc.sql("update cases.case_record set status = 'CLOSED', signed_at = dispatched_at, closed_at = now(), "
				+ "satisfaction = 'SATISFIED' where case_no = 'KPIT-R1'").update();
		assertThat(get("admin", uri).get(0).path("closed").asLong()).as("not before the refresh").isZero();
		assertThat(rollup.refreshDirty()).isPositive();
		expect(get("admin", uri).get(0), "2023-06", "2023年6月", counts(1, 1, 1, 1, 1, 1, 0, 0, 1, 1), 1.0, 1.0, 1.0,
				1.0, 1.0, 0.0, 0.0);
	}

	@Test
	void anOpenCaseBecomesDueWhenItsDeadlinePassesWithoutAnyChangeToTheCase() {
		jdbc.sql("delete from cases.case_record where case_no = 'KPIT-R3'").update();
		KpiScenario.insert(jdbc, new KpiScenario.Case("KPIT-R3", "SIGNED", G2, C1, STREET, "GRID", G2, "K二网格")
			.received("2023-07-01T09:00").dispatched("2023-07-01T09:10", "2023-07-01T13:10").signed("2023-07-01T09:20")
			.deadline("2099-01-01T00:00"));
		rollup.refreshDirty();
		String uri = "/api/v1/kpis?from=2023-07-01&to=2023-07-01&area=" + G2;
		assertThat(get("admin", uri).get(0).path("due").asLong()).isZero();

		// time passes: the deadline is now behind us, and nothing wrote to the case (triggers off for this update)
		tx.executeWithoutResult(s -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql("update cases.case_record set deadline = now() where case_no = 'KPIT-R3'")
				.update();
		});
		rollup.refreshDirty();
		expect(get("admin", uri).get(0), "2023-07", "2023年7月", counts(1, 1, 1, 0, 0, 1, 0, 0, 0, 0), 1.0, 0.0, NULL,
				0.0, 0.0, NULL, 0.0);
	}

	@Test
	void aLargeBacklogIsWorkedOffInSeveralTransactions() {
		jdbc.sql("insert into cases.kpi_dirty (day, grid_code) select date '2010-01-01' + n, '' "
				+ "from generate_series(0, " + (2 * KpiRollup.BATCH + 99) + ") n")
			.update();
		assertThat(rollup.refreshDirty()).isGreaterThanOrEqualTo(2 * KpiRollup.BATCH + 100);
		assertThat(jdbc.sql("select count(*) from cases.kpi_dirty where day < date '2021-01-01'").query(Long.class)
			.single()).isZero();
	}

	@Test
	void refreshAllRebuildsTheSameFigures() {
		JsonNode before = get("admin", "/api/v1/kpis?" + PERIOD + "&groupBy=unit&area=" + STREET);
		rollup.refreshAll();
		assertThat(get("admin", "/api/v1/kpis?" + PERIOD + "&groupBy=unit&area=" + STREET)).isEqualTo(before);
	}

	// bad parameters

	@Test
	void badParametersAnswer400ProblemsInChinese() {
		problem("from=2025-13-01", "from", "参数 from 应为 YYYY-MM-DD 格式的有效日期");
		problem("from=2025-02-30", "from", "参数 from 应为 YYYY-MM-DD 格式的有效日期");
		problem("to=20250101", "to", "参数 to 应为 YYYY-MM-DD 格式的有效日期");
		problem("from=2025-03-01&to=2025-02-28", "from", "开始日期不能晚于结束日期");
		problem("from=2020-01-01&to=2025-01-01", "to", "统计期间不能超过 5 年");
		problem("groupBy=district", "groupBy", null);
		problem("groupBy=grid,unit", "groupBy", null);
		problem("groupBy=month,month", "groupBy", null);
		problem("groupBy=grid,month,unit", "groupBy", null);
		problem("area=11019900", "area", "区域编码应为 6、9、12 或 15 位数字");
		problem("area=abc", "area", null);
	}

	@Test
	void fiveYearsExactlyAreAllowed() {
		MvcTestResult result = mvc.get().uri("/api/v1/kpis?from=2021-01-01&to=2025-12-31&groupBy=street")
			.header("Authorization", Api.bearer(token("admin")))
			.exchange();
		assertThat(result).hasStatusOk();
	}

	private void problem(String query, String field, String detail) {
		MvcTestResult result = mvc.get().uri("/api/v1/kpis?" + query).header("Authorization", Api.bearer(token("street")))
			.exchange();
		assertThat(result).as(query).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode body = json(result);
		assertThat(body.path("status").asInt()).isEqualTo(400);
		assertThat(body.path("errors").get(0).path("field").asString()).as(query).isEqualTo(field);
		if (detail != null) {
			assertThat(body.path("detail").asString()).as(query).isEqualTo(detail);
		}
		else {
			assertThat(body.path("detail").asString()).as(query).isNotBlank().doesNotContain("kpi.");
		}
	}

	// helpers

	static long[] counts(long... values) {
		return values;
	}

	private static final String[] COUNT_FIELDS = { "received", "dispatched", "respondedInTime", "closed",
			"closedOnTime", "due", "reworked", "extended", "rated", "satisfied" };

	private static final String[] RATE_FIELDS = { "responseRate", "resolutionRate", "satisfactionRate", "closureRate",
			"onTimeClosureRate", "reworkRate", "extensionRate" };

	static void expect(JsonNode row, String group, String name, long[] counts, Double... rates) {
		if (group == null) {
			assertThat(row.has("group") && row.get("group").isNull()).as("group is null in %s", row).isTrue();
		}
		else {
			assertThat(row.path("group").asString()).isEqualTo(group);
		}
		assertThat(row.path("name").asString()).as("name of %s", group).isEqualTo(name);
		for (int i = 0; i < COUNT_FIELDS.length; i++) {
			assertThat(row.path(COUNT_FIELDS[i]).asLong(-1)).as("%s of %s", COUNT_FIELDS[i], group).isEqualTo(counts[i]);
		}
		for (int i = 0; i < RATE_FIELDS.length; i++) {
			JsonNode v = row.get(RATE_FIELDS[i]);
			assertThat(v).as("%s of %s is present", RATE_FIELDS[i], group).isNotNull();
			if (rates[i] == null) {
				assertThat(v.isNull()).as("%s of %s is null", RATE_FIELDS[i], group).isTrue();
			}
			else {
				assertThat(v.isNumber()).as("%s of %s is a number", RATE_FIELDS[i], group).isTrue();
				assertThat(v.asDouble()).as("%s of %s", RATE_FIELDS[i], group).isCloseTo(rates[i], within(1e-9));
			}
		}
	}

	static List<String> groups(JsonNode rows) {
		List<String> groups = new ArrayList<>();
		rows.forEach(r -> groups.add(r.get("group").isNull() ? null : r.get("group").asString()));
		return groups;
	}

	static JsonNode row(JsonNode rows, String group) {
		for (JsonNode r : rows) {
			if (group.equals(r.path("group").asString(null))) {
				return r;
			}
		}
		throw new AssertionError("no group " + group + " in " + rows);
	}

	private JsonNode get(String user, String uri) {
		MvcTestResult result = mvc.get().uri(uri).header("Authorization", Api.bearer(token(user))).exchange();
		assertThat(result).as("GET %s as %s", uri, user).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		JsonNode body = json(result);
		assertThat(body.isArray()).isTrue();
		return body;
	}

	private String token(String user) {
		return TOKENS.computeIfAbsent(user, u -> Api.token(mvc, u));
	}

	static JsonNode json(MvcTestResult result) {
		try {
			return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
