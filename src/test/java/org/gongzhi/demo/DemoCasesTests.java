package org.gongzhi.demo;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.gongzhi.cases.domain.CalendarProvider;
import org.gongzhi.cases.domain.WorkingCalendar;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The demo street's year of historical cases (演示历史案件), as a newcomer meets them on first start: about two thousand
 * cases over the past twelve months, mostly closed and satisfied but with every kind of outcome, each with a
 * timeline worked by the demo accounts and deadlines on the working calendar, and KPI rollups ready.
 */
@GongzhiTest
class DemoCasesTests {

	static final String STREET = "110199001";

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	/**
	 * The loaded history only: other tests add cases of their own, received today or (with their own numbering)
	 * backdated.
	 */
	static final String HISTORY = " street_code = '" + STREET + "' and received_at < now() - interval '1 day' "
			+ "and case_no like 'GZ%' ";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDirectory users;

	@Autowired
	CalendarProvider calendars;

	@Autowired
	ApplicationContext context;

	@Autowired
	SignInService signIn;

	static final JsonMapper JSON = JsonMapper.builder().build();

	long count(String where) {
		return jdbc.sql("select count(*) from cases.case_record r where " + HISTORY + " and (" + where + ")")
			.query(Long.class).single();
	}

	@Test
	void theStreetAdministratorSeesAboutTwoThousandCasesOfTheLastTwelveMonths() {
		LocalDate today = LocalDate.now(BEIJING);
		String token = Api.token(mvc, "street");
		JsonNode page = JSON.readTree(mvc.get()
			.uri("/api/v1/cases?area=" + STREET + "&from=" + today.minusMonths(12) + "&to=" + today + "&size=1")
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(token)).exchange().getResponse().getContentAsByteArray());

		assertThat(page.path("total").asLong()).isBetween(1_500L, 2_500L);
		assertThat(count("true")).isBetween(1_500L, 2_500L);
		assertThat(count("received_at < now() - interval '366 days'")).as("nothing older than a year").isZero();
		assertThat(jdbc.sql("select count(distinct date_trunc('month', received_at at time zone 'Asia/Shanghai')) "
				+ "from cases.case_record where " + HISTORY).query(Long.class).single()).isGreaterThanOrEqualTo(12);
	}

	@Test
	void outcomesAreMostlyClosedButOfEveryKind() {
		long all = count("true");
		Map<String, Long> byStatus = jdbc.sql("select status, count(*) from cases.case_record where " + HISTORY
				+ " group by status").query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

		assertThat(byStatus.keySet()).contains("CLOSED", "VOID", "SIGNED").hasSizeGreaterThanOrEqualTo(5);
		// other tests in the same JVM may work a few demo cases further, so the upper bound leaves them room
		assertThat((double) byStatus.get("CLOSED") / all).isBetween(0.78, 0.95);
		assertThat((double) byStatus.get("VOID") / all).isBetween(0.02, 0.08);
		assertThat(count("status not in ('CLOSED','VOID','MERGED','SUSPENDED','ACCEPTED') and deadline < now()"))
			.as("some overdue").isPositive();
		assertThat(count("extended")).as("some extended").isPositive();
		assertThat(count("rework_count > 0")).as("some reworked").isPositive();
		assertThat(count("reopen_count > 0")).as("some reopened").isPositive();
		assertThat(count("supervision = 'RED'")).as("some red cards").isPositive();
		assertThat(count("self_handled")).as("some handled on the spot").isPositive();
		assertThat(count("status = 'CLOSED' and closed_at > deadline")).as("some closed late").isPositive();
		assertThat((double) count("status = 'CLOSED' and closed_at <= deadline") / byStatus.get("CLOSED"))
			.as("mostly on time").isBetween(0.8, 0.98);
		assertThat(jdbc.sql("select count(*) from cases.whistle w join cases.case_record r on r.id = w.case_id where "
				+ HISTORY).query(Long.class).single()).as("a few whistles").isBetween(5L, 150L);
		assertThat(jdbc.sql("select count(distinct channel) from cases.case_record where " + HISTORY)
			.query(Long.class).single()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void categoriesFollowARealisticSeasonalMix() {
		assertThat(jdbc.sql("select count(distinct category_code) from cases.case_record where " + HISTORY)
			.query(Long.class).single()).isGreaterThanOrEqualTo(25);
		List<String> top = jdbc.sql("select category_code from cases.case_record where " + HISTORY
				+ " group by category_code order by count(*) desc limit 6").query(String.class).list();
		assertThat(top).containsAnyOf("0102", "0503", "0603");
		long summerFlooding = count("category_code = '0405' and extract(month from received_at at time zone "
				+ "'Asia/Shanghai') in (6, 7, 8)");
		long winterFlooding = count("category_code = '0405' and extract(month from received_at at time zone "
				+ "'Asia/Shanghai') in (12, 1, 2)");
		assertThat(summerFlooding).as("道路积水 in the rainy season").isGreaterThan(winterFlooding);
	}

	@Test
	void residentsRatedMostCasesSatisfied() {
		long rated = count("satisfaction is not null");
		assertThat(rated).isGreaterThan(500);
		assertThat(jdbc.sql("select count(distinct satisfaction) from cases.case_record where " + HISTORY)
			.query(Long.class).single()).isEqualTo(3);
		assertThat((double) count("satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')") / rated).isBetween(0.88,
				0.99);
		assertThat(count("satisfaction = 'SATISFIED'")).isGreaterThan(count("satisfaction = 'BASICALLY_SATISFIED'"));
		assertThat(count("status = 'CLOSED' and satisfaction is null")).as("not every case was rated").isPositive();
	}

	@Test
	void everyCaseHasATimelineWorkedByTheDemoAccounts() {
		assertThat(count("not exists (select 1 from cases.case_event e where e.case_id = r.id and e.action = 'accept' "
				+ "and e.at = r.received_at)")).as("accepted when received").isZero();
		assertThat(count("status = 'CLOSED' and not exists (select 1 from cases.case_event e where e.case_id = r.id "
				+ "and e.action = 'close' and e.at = r.closed_at)")).as("closed when the timeline says").isZero();
		assertThat(count("status <> (select e.to_status from cases.case_event e where e.case_id = r.id "
				+ "and e.action not in ('whistle-sign', 'whistle-report', 'merged-in') order by e.at desc, e.id desc "
				+ "limit 1)")).as("the timeline ends in the case's status").isZero();
		assertThat(count("(select count(*) from cases.case_event e where e.case_id = r.id and e.at > now()) > 0"))
			.as("nothing in the future").isZero();
		assertThat(count("version <> (select count(*) - 1 from cases.case_event e where e.case_id = r.id "
				+ "and e.action <> 'merged-in')")).as("one version per step after intake, as the case desk saves")
			.isZero();
		assertThat(count("status = 'CLOSED' and satisfaction is not null and rated_at < closed_at "
				+ "and reopen_count = 0")).as("rated after closing").isZero();
		assertThat(count("status = 'CLOSED' and not (received_at <= dispatched_at and dispatched_at <= signed_at "
				+ "and signed_at <= handled_at and handled_at <= fed_back_at and fed_back_at <= verified_at "
				+ "and verified_at <= closed_at)")).as("steps in order").isZero();

		List<String> actors = jdbc.sql("select distinct e.actor from cases.case_event e join cases.case_record r "
				+ "on r.id = e.case_id where " + HISTORY.replace("street_code", "r.street_code")
					.replace("received_at", "r.received_at").replace("case_no", "r.case_no"))
			.query(String.class).list();
		assertThat(actors).contains("clerk", "community", "street", "leader", "grid", "dept", "resident");
		assertThat(actors).allSatisfy(a -> assertThat(users.findByUsername(a).isPresent() || a.matches("\\d{12}")
				|| a.matches("[A-Z]+") || a.startsWith("open311:")).as(a).isTrue());
		assertThat(jdbc.sql("""
				select count(*) from cases.case_event e join cases.case_record r on r.id = e.case_id
				 where r.street_code = :s and e.action in ('sign', 'handle') and r.unit_type = 'GRID'
				   and r.grid_code = '110199001001001' and e.actor <> 'grid' and r.received_at < now() - interval '1 day'
				   and r.case_no like 'GZ%'
				""").param("s", STREET).query(Long.class).single()).as("grid 001's cases are worked by its grid worker")
			.isZero();
	}

	@Test
	void deadlinesAreCountedOnTheWorkingCalendar() {
		WorkingCalendar calendar = calendars.calendar();
		record Limit(Timestamp received, Timestamp deadline, int value, String unit) {
		}
		List<Limit> limits = jdbc.sql("""
				select r.received_at, r.deadline, c.time_limit_value, c.time_limit_unit
				  from cases.case_record r join cases.category c on c.code = r.category_code
				 where r.street_code = :s and not r.extended and r.suspended_minutes = 0
				   and r.received_at < now() - interval '1 day' and r.case_no like 'GZ%'
				""").param("s", STREET)
			.query((rs, n) -> new Limit(rs.getTimestamp(1), rs.getTimestamp(2), rs.getInt(3), rs.getString(4)))
			.list();
		assertThat(limits).hasSizeGreaterThan(1_000).allSatisfy(l -> assertThat(
				calendar.deadline(l.received().toInstant(), l.value(), l.unit()))
			.isEqualTo(l.deadline().toInstant()));
		assertThat(count("signed_at is not null and not self_handled and signed_at <= response_deadline")
				/ (double) count("signed_at is not null and not self_handled")).as("mostly signed in time")
			.isBetween(0.8, 0.98);
		assertThat(count("closed_at is not null and closed_at - received_at > interval '60 days'"))
			.as("closed within weeks, not months").isLessThan(count("true") / 50);
	}

	@Test
	void theCasePagesShowTheHistory() {
		List<String> onePerStatus = jdbc.sql("select distinct on (status) case_no from cases.case_record r where "
				+ HISTORY + " order by status, received_at desc").query(String.class).list();
		assertThat(onePerStatus).hasSizeGreaterThanOrEqualTo(6);
		for (String no : onePerStatus) {
			assertThat(page("street", "/cases/" + no)).as(no).contains(no, "受理", "渠道：");
			assertThat(page("street", "/cases?q=" + no)).as(no).contains("/cases/" + no);
		}
		String overdue = jdbc.sql("select case_no from cases.case_record r where " + HISTORY
				+ " and status in ('DISPATCHED','SIGNED','HANDLED','FED_BACK') and deadline < now() "
				+ "order by deadline limit 1").query(String.class).single();
		assertThat(page("street", "/cases/overdue?q=" + overdue)).contains("/cases/" + overdue, "超期");
		assertThat(page("street", "/cases/whistles")).contains("城管执法队", "市政市容委");
		LocalDate today = LocalDate.now(BEIJING);
		assertThat(page("leader", "/kpis?from=" + today.minusMonths(11).withDayOfMonth(1) + "&to=" + today))
			.contains("福康里");
		String resident = jdbc.sql("select case_no from cases.case_record r where " + HISTORY
				+ " and reporter_user_id = :u order by received_at desc limit 1")
			.param("u", users.findByUsername("resident").orElseThrow().id()).query(String.class).single();
		assertThat(page("resident", "/cases/" + resident)).contains(resident);
	}

	@Test
	void theCaseDeskCarriesOnWhereTheHistoryLeftOff() {
		record Open(String caseNo, String status, int version, double lng, double lat) {
		}
		Open open = jdbc.sql("select case_no, status, version, lng, lat from cases.case_record r where " + HISTORY
				+ " and status in ('DISPATCHED','SIGNED','HANDLED','FED_BACK') and extension_requested_hours is null "
				+ "order by received_at desc limit 1")
			.query((rs, n) -> new Open(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getDouble(5)))
			.single();
		String token = Api.token(mvc, "street");

		JsonNode suspended = act(token, open.caseNo(), "suspend", "{\"note\":\"待协调\",\"version\":" + open.version() + "}");
		assertThat(suspended.path("caseView").path("status").asString()).isEqualTo("SUSPENDED");
		JsonNode resumed = act(token, open.caseNo(), "resume", "{\"version\":" + (open.version() + 1) + "}");
		assertThat(resumed.path("caseView").path("status").asString()).isEqualTo(open.status());
		assertThat(resumed.path("caseView").path("version").asInt()).isEqualTo(open.version() + 2);

		MvcTestResult reported = mvc.post().uri("/api/v1/cases").header(HttpHeaders.AUTHORIZATION, Api.bearer(token))
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("categoryCode", "0102", "description",
					"演示历史之后的新案件", "lng", open.lng(), "lat", open.lat())))
			.exchange();
		assertThat(reported).hasStatus(201);
		String caseNo = json(reported).path("caseNo").asString();
		long newest = jdbc.sql("select max(cast(right(case_no, 6) as bigint)) from cases.case_record r where "
				+ HISTORY).query(Long.class).single();
		assertThat(Long.parseLong(caseNo.substring(caseNo.length() - 6))).as("numbered after the history")
			.isGreaterThan(newest);
	}

	JsonNode act(String token, String caseNo, String action, String body) {
		MvcTestResult result = mvc.post().uri("/api/v1/cases/" + caseNo + "/actions/" + action)
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body)
			.exchange();
		assertThat(result).as(action).hasStatusOk();
		return json(result);
	}

	String page(String username, String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(user(signIn.loadUserByUsername(username))).exchange();
		assertThat(result).as(uri).hasStatusOk();
		try {
			return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(MvcTestResult result) {
		return JSON.readTree(result.getResponse().getContentAsByteArray());
	}

	@Test
	void kpiRollupsAreReadyAndLoadingAgainAddsNothing() throws Exception {
		assertThat(jdbc.sql("select coalesce(sum(received), 0) from cases.kpi_daily where street_code = :s "
				+ "and day < current_date - 1").param("s", STREET).query(Long.class).single())
			.as("rolled up").isGreaterThan(1_000L);

		long before = count("true");
		ApplicationRunner loader = context.getBeansOfType(ApplicationRunner.class).values().stream()
			.filter(r -> r.getClass().getSimpleName().startsWith("DemoCases")).findFirst().orElseThrow();
		loader.run(null);
		assertThat(count("true")).isEqualTo(before);
	}

}
