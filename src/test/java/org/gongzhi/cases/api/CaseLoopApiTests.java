package org.gongzhi.cases.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongzhi.cases.domain.CalendarProvider;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gongzhi.cases.api.CaseClient.COMMUNITY;
import static org.gongzhi.cases.api.CaseClient.GRID;
import static org.gongzhi.cases.api.CaseClient.actions;
import static org.gongzhi.cases.api.CaseClient.body;
import static org.gongzhi.cases.api.CaseClient.caseAt;
import static org.gongzhi.cases.api.CaseClient.caseNos;
import static org.gongzhi.cases.api.CaseClient.json;
import static org.gongzhi.cases.api.CaseClient.lastEvent;
import static org.gongzhi.cases.api.CaseClient.strings;

/**
 * The closed loop through the API, as the people who run it see it: a resident reports, the community registers,
 * dispatches, verifies and closes, the grid worker signs, handles and reports back, the resident rates — each step on
 * the timeline with who did it — plus rework, reopening, send-back, extensions, suspension, void, supervision,
 * 吹哨报到 and merging.
 */
@GongzhiTest
class CaseLoopApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CalendarProvider calendars;

	CaseClient cases;

	@BeforeEach
	void client() {
		cases = new CaseClient(mvc);
	}

	String newGridCase(String description) {
		return cases.reportNo("resident", caseAt("0102", cases.pointIn(GRID), description));
	}

	/** A grid case registered and dispatched by the community and signed by the grid worker. */
	String signedGridCase(String description) {
		String no = newGridCase(description);
		cases.act("community", no, "register");
		cases.act("community", no, "dispatch");
		cases.act("grid", no, "sign");
		return no;
	}

	@Test
	void aResidentsReportGoesRoundTheWholeLoopWithTheRightPeople() {
		MvcTestResult created = cases.post("resident", "/api/v1/cases",
				caseAt("0102", cases.pointIn(GRID), "楼下垃圾桶旁堆了三天的垃圾，无人清理"));
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		JsonNode intake = json(created);
		String no = intake.path("caseNo").asString();
		assertThat(no).matches("GZ\\d{14}");
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/cases/" + no);
		JsonNode c = intake.path("case");
		assertThat(c.path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(c.path("channel").asString()).isEqualTo("RESIDENT");
		assertThat(c.path("unitType").asString()).isEqualTo("GRID");
		assertThat(c.path("unitCode").asString()).isEqualTo(GRID);
		assertThat(c.path("reporterPhoneMasked").asString()).isEqualTo("138****8000");
		Instant received = Instant.parse(c.path("receivedAt").asString());
		assertThat(Instant.parse(c.path("deadline").asString())).as("7 working days on the working calendar")
			.isCloseTo(calendars.calendar().deadline(received, 7, "WORKING_DAYS"), within(Duration.ofMillis(2)));

		assertThat(cases.act("community", no, "register").path("caseView").path("status").asString())
			.isEqualTo("REGISTERED");
		JsonNode dispatched = cases.act("community", no, "dispatch");
		assertThat(dispatched.path("caseView").path("status").asString()).isEqualTo("DISPATCHED");
		assertThat(dispatched.path("responseDeadline").isNull()).isFalse();
		assertThat(strings(cases.detail("grid", no).path("allowedActions"))).contains("sign", "send-back")
			.doesNotContain("handle", "dispatch", "verify");
		cases.act("grid", no, "sign");
		cases.act("grid", no, "handle", Map.of("note", "已联系环卫清运", "photos", List.of("/files/after-1.jpg")));
		cases.act("grid", no, "feedback", Map.of("note", "垃圾已清运完毕"));
		assertThat(cases.act("community", no, "verify", Map.of("passed", true)).path("caseView").path("status")
			.asString()).isEqualTo("VERIFIED");
		JsonNode closed = cases.act("community", no, "close");
		assertThat(closed.path("caseView").path("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("caseView").path("closedAt").isNull()).isFalse();
		assertThat(strings(cases.detail("resident", no).path("allowedActions"))).containsExactly("rate");
		JsonNode rated = cases.act("resident", no, "rate", Map.of("satisfaction", "SATISFIED"));

		assertThat(rated.path("caseView").path("satisfaction").asString()).isEqualTo("SATISFIED");
		assertThat(strings(rated.path("allowedActions"))).isEmpty();
		JsonNode timeline = rated.path("timeline");
		assertThat(actions(rated)).containsExactly("accept", "register", "dispatch", "sign", "handle", "feedback",
				"verify", "close", "rate");
		assertThat(timeline).extracting(e -> e.path("actor").asString()).containsExactly("resident", "community",
				"community", "grid", "grid", "grid", "community", "community", "resident");
		assertThat(timeline).extracting(e -> e.path("toStatus").asString()).containsExactly("ACCEPTED", "REGISTERED",
				"DISPATCHED", "SIGNED", "HANDLED", "FED_BACK", "VERIFIED", "CLOSED", "CLOSED");
		assertThat(timeline.get(0).path("actorName").asString()).isEqualTo("吴芳（居民）");
		assertThat(timeline.get(0).path("note").asString()).contains("小事不出格");
		assertThat(timeline.get(2).path("note").asString()).startsWith("派遣至 ")
			.endsWith(c.path("unitName").asString());
		assertThat(timeline.get(4).path("photos")).extracting(JsonNode::asString).containsExactly("/files/after-1.jpg");
		assertThat(timeline.get(5).path("note").asString()).isEqualTo("垃圾已清运完毕");
		assertThat(timeline.get(6).path("note").asString()).isEqualTo("核查通过");
		assertThat(timeline.get(8).path("note").asString()).isEqualTo("满意");
		List<Instant> times = timeline.valueStream().map(e -> Instant.parse(e.path("at").asString())).toList();
		assertThat(times).isSorted();

		assertThat(jdbc.sql("select action from identity.audit_log where target_type = 'case' and target_id = :no "
				+ "order by id").param("no", no).query(String.class).list())
			.containsExactly("case.accept", "case.register", "case.dispatch", "case.sign", "case.handle",
					"case.feedback", "case.verify", "case.close", "case.rate");
	}

	@Test
	void aFailedCheckIsReworkAndAnUnsatisfiedResidentReopensTheCaseOnce() {
		String no = signedGridCase("井盖旁边垃圾散落");
		cases.act("grid", no, "handle");
		cases.act("grid", no, "feedback");

		JsonNode rework = cases.act("community", no, "verify", Map.of("passed", false, "note", "现场仍有垃圾"));
		assertThat(rework.path("caseView").path("status").asString()).isEqualTo("DISPATCHED");
		assertThat(rework.path("reworkCount").asInt()).isEqualTo(1);
		assertThat(lastEvent(rework).path("note").asString()).isEqualTo("核查未通过，返工：现场仍有垃圾");
		assertThat(rework.path("caseView").path("unitCode").asString()).as("back to the same grid").isEqualTo(GRID);

		closeFromDispatched(no);
		JsonNode reopened = cases.act("resident", no, "rate", Map.of("satisfaction", "UNSATISFIED", "note", "又堆上了"));
		assertThat(reopened.path("caseView").path("status").asString()).isEqualTo("REGISTERED");
		assertThat(reopened.path("reopenCount").asInt()).isEqualTo(1);
		assertThat(lastEvent(reopened).path("note").asString()).isEqualTo("不满意；不满意，重新办理：又堆上了");

		cases.act("community", no, "dispatch");
		closeFromDispatched(no);
		JsonNode second = cases.act("resident", no, "rate", Map.of("satisfaction", "UNSATISFIED"));
		assertThat(second.path("caseView").path("status").asString()).as("only once").isEqualTo("CLOSED");
		assertThat(second.path("reopenCount").asInt()).isEqualTo(1);
		assertThat(second.path("caseView").path("satisfaction").asString()).isEqualTo("UNSATISFIED");
		assertProblem(cases.attempt("resident", no, "rate", Map.of("satisfaction", "SATISFIED")), 409);
	}

	private void closeFromDispatched(String no) {
		cases.act("grid", no, "sign");
		cases.act("grid", no, "handle");
		cases.act("grid", no, "feedback");
		cases.act("community", no, "verify", Map.of("passed", true));
		cases.act("community", no, "close");
	}

	@Test
	void disallowedActionsAreRefusedAndChangeNothing() {
		String no = newGridCase("小区门口垃圾满溢");
		JsonNode before = cases.detail("community", no);
		int version = before.path("caseView").path("version").asInt();

		assertProblem(cases.attempt("resident", no, "dispatch", Map.of()), 403);
		assertProblem(cases.attempt("grid", no, "register", Map.of()), 403);
		assertProblem(cases.attempt("leader", no, "register", Map.of()), 403);
		assertProblem(cases.attempt("grid", no, "sign", Map.of()), 409);
		assertProblem(cases.attempt("community", no, "close", Map.of()), 409);
		assertProblem(cases.attempt("community", no, "resume", Map.of()), 409);
		assertProblem(cases.attempt("community", no, "verify", Map.of("passed", true)), 409);
		assertProblem(cases.attempt("gw002001", no, "register", Map.of()), 404);
		assertProblem(cases.attempt("dept", no, "register", Map.of()), 404);
		assertProblem(cases.attempt("community", no, "fly-away", Map.of()), 404);
		assertProblem(cases.attempt("community", "GZ19990101000000", "register", Map.of()), 404);
		assertProblem(cases.attempt("community", no, "register", Map.of("version", version + 3)), 409);
		assertThat(cases.get("gw002001", "/api/v1/cases/" + no).getResponse().getStatus()).isEqualTo(404);

		JsonNode after = cases.detail("community", no);
		assertThat(after.path("caseView").path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(after.path("caseView").path("version").asInt()).isEqualTo(version);
		assertThat(after.path("timeline").size()).isEqualTo(before.path("timeline").size()).isEqualTo(1);

		JsonNode registered = cases.act("community", no, "register", Map.of("version", version));
		assertThat(registered.path("caseView").path("version").asInt()).isEqualTo(version + 1);
		assertProblem(cases.attempt("community", no, "dispatch", Map.of("version", version)), 409);
		assertThat(cases.detail("community", no).path("caseView").path("status").asString()).isEqualTo("REGISTERED");
	}

	private void assertProblem(MvcTestResult result, int status) {
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode problem = json(result);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank().doesNotContain("Exception");
	}

	@Test
	void theUnitSendsACaseBackWithAReasonAndTheDispatcherSendsItElsewhere() {
		String no = newGridCase("商户门前垃圾");
		cases.act("community", no, "register");
		cases.act("community", no, "dispatch");

		MvcTestResult noReason = cases.attempt("grid", no, "send-back", Map.of());
		assertThat(noReason.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(noReason).path("errors").get(0).path("field").asString()).isEqualTo("note");

		JsonNode back = cases.act("grid", no, "send-back", Map.of("note", "属于商户门前三包，应由社区协调"));
		assertThat(back.path("caseView").path("status").asString()).isEqualTo("REGISTERED");
		assertThat(back.path("caseView").path("unitType").isNull()).isTrue();
		assertThat(lastEvent(back).path("note").asString()).isEqualTo("属于商户门前三包，应由社区协调");

		JsonNode redispatched = cases.act("community", no, "dispatch",
				Map.of("unitType", "COMMUNITY", "unitCode", COMMUNITY, "note", "社区协调"));
		assertThat(redispatched.path("caseView").path("unitType").asString()).isEqualTo("COMMUNITY");
		assertThat(redispatched.path("caseView").path("unitCode").asString()).isEqualTo(COMMUNITY);
		assertThat(lastEvent(redispatched).path("note").asString()).endsWith("：社区协调");
		assertProblem(cases.attempt("grid", no, "sign", Map.of()), 403);
		cases.act("community", no, "sign");

		MvcTestResult elsewhere = cases.attempt("community", registeredGridCase(), "dispatch",
				Map.of("unitType", "COMMUNITY", "unitCode", "110199001002"));
		assertThat(elsewhere.getResponse().getStatus()).as("a community cannot dispatch to another community")
			.isEqualTo(422);
	}

	private String registeredGridCase() {
		String no = newGridCase("待派遣");
		cases.act("community", no, "register");
		return no;
	}

	@Test
	void anApprovedExtensionMovesTheDeadlineAndARefusedOneDoesNot() {
		String no = signedGridCase("绿化带里的建筑垃圾");
		Instant deadline = Instant.parse(cases.detail("grid", no).path("caseView").path("deadline").asString());

		MvcTestResult noHours = cases.attempt("grid", no, "extend", Map.of("note", "需协调渣土车"));
		assertThat(noHours.getResponse().getStatus()).isEqualTo(422);
		MvcTestResult tooMany = cases.attempt("grid", no, "extend", Map.of("note", "需协调渣土车", "hours", 1000));
		assertThat(tooMany.getResponse().getStatus()).isEqualTo(400);

		JsonNode requested = cases.act("grid", no, "extend", Map.of("note", "需协调渣土车", "hours", 24));
		assertThat(requested.path("extensionRequestedHours").asInt()).isEqualTo(24);
		assertThat(requested.path("extensionReason").asString()).isEqualTo("需协调渣土车");
		assertThat(lastEvent(requested).path("note").asString()).isEqualTo("申请延期 24 小时：需协调渣土车");
		assertProblem(cases.attempt("grid", no, "extend", Map.of("note", "再申请", "hours", 8)), 409);
		assertProblem(cases.attempt("grid", no, "approve-extension", Map.of("approved", true)), 403);
		assertThat(strings(cases.detail("community", no).path("allowedActions"))).contains("approve-extension");

		JsonNode approved = cases.act("community", no, "approve-extension", Map.of("approved", true));
		Instant extended = Instant.parse(approved.path("caseView").path("deadline").asString());
		assertThat(extended).as("24 working hours later")
			.isCloseTo(calendars.calendar().addWorkingMinutes(deadline, 24 * 60), within(Duration.ofMillis(1)))
			.isAfter(deadline.plus(Duration.ofHours(24)));
		assertThat(approved.path("extensionRequestedHours").isNull()).isTrue();
		assertThat(lastEvent(approved).path("note").asString()).isEqualTo("同意延期 24 小时");

		cases.act("grid", no, "extend", Map.of("note", "仍需协调", "hours", 16));
		JsonNode refused = cases.act("community", no, "approve-extension", Map.of("approved", false, "note", "时限内办结"));
		assertThat(Instant.parse(refused.path("caseView").path("deadline").asString())).isEqualTo(extended);
		assertThat(refused.path("extensionRequestedHours").isNull()).isTrue();
		assertThat(lastEvent(refused).path("note").asString()).isEqualTo("不同意延期：时限内办结");
		assertProblem(cases.attempt("community", no, "approve-extension", Map.of("approved", true)), 409);
	}

	@Test
	void suspendingStopsTheClockAndResumingMovesTheDeadlineByTheTimeSuspended() {
		String no = signedGridCase("废弃沙发占用楼道");
		Instant deadline = Instant.parse(cases.detail("grid", no).path("caseView").path("deadline").asString());

		assertThat(cases.attempt("community", no, "suspend", Map.of()).getResponse().getStatus()).isEqualTo(422);
		JsonNode suspended = cases.act("community", no, "suspend", Map.of("note", "等待产权单位答复"));
		assertThat(suspended.path("caseView").path("status").asString()).isEqualTo("SUSPENDED");
		assertThat(strings(suspended.path("allowedActions"))).contains("resume").doesNotContain("suspend");
		assertProblem(cases.attempt("grid", no, "handle", Map.of()), 409);
		jdbc.sql("update cases.case_record set suspended_at = suspended_at - interval '90 minutes' where case_no = :no")
			.param("no", no).update();

		JsonNode resumed = cases.act("community", no, "resume");
		assertThat(resumed.path("caseView").path("status").asString()).as("back where it was").isEqualTo("SIGNED");
		assertThat(Instant.parse(resumed.path("caseView").path("deadline").asString()))
			.isEqualTo(deadline.plus(Duration.ofMinutes(90)));
		assertThat(jdbc.sql("select suspended_minutes from cases.case_record where case_no = :no").param("no", no)
			.query(Integer.class).single()).isEqualTo(90);
		cases.act("grid", no, "handle");
	}

	@Test
	void voidingNeedsAReasonAndEndsTheCase() {
		String no = newGridCase("重复反映");

		MvcTestResult noReason = cases.attempt("community", no, "void", Map.of());
		assertThat(noReason.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(noReason).path("errors").get(0).path("field").asString()).isEqualTo("note");
		assertThat(cases.detail("community", no).path("caseView").path("status").asString()).isEqualTo("ACCEPTED");

		JsonNode voided = cases.act("community", no, "void", Map.of("note", "与已受理案件重复"));
		assertThat(voided.path("caseView").path("status").asString()).isEqualTo("VOID");
		assertThat(strings(voided.path("allowedActions"))).isEmpty();
		assertThat(lastEvent(voided).path("note").asString()).isEqualTo("与已受理案件重复");
		assertProblem(cases.attempt("community", no, "register", Map.of()), 409);
		assertProblem(cases.attempt("community", no, "void", Map.of("note", "again")), 409);
	}

	@Test
	void anOverdueCaseGetsAYellowThenARedCard() {
		String no = signedGridCase("垃圾长期无人清理");
		assertProblem(cases.attempt("street", no, "supervise", Map.of()), 409);
		assertThat(cases.detail("street", no).path("caseView").path("overdue").asBoolean()).isFalse();

		jdbc.sql("update cases.case_record set deadline = now() - interval '2 hours' where case_no = :no")
			.param("no", no).update();
		JsonNode overdue = cases.detail("street", no);
		assertThat(overdue.path("caseView").path("overdue").asBoolean()).isTrue();
		assertThat(strings(overdue.path("allowedActions"))).contains("supervise");
		assertThat(caseNos(cases.list("street", "overdue=true&size=200&sort=deadline&q=" + no))).containsExactly(no);

		assertProblem(cases.attempt("resident", no, "supervise", Map.of()), 403);
		assertProblem(cases.attempt("grid", no, "supervise", Map.of()), 403);
		JsonNode yellow = cases.act("street", no, "supervise", Map.of("note", "请加快办理"));
		assertThat(yellow.path("caseView").path("supervision").asString()).isEqualTo("YELLOW");
		assertThat(lastEvent(yellow).path("note").asString()).isEqualTo("黄牌督办：请加快办理");
		JsonNode red = cases.act("leader", no, "supervise");
		assertThat(red.path("caseView").path("supervision").asString()).isEqualTo("RED");
		assertThat(lastEvent(red).path("note").asString()).isEqualTo("红牌督办");
		assertThat(lastEvent(red).path("actor").asString()).isEqualTo("leader");
		assertProblem(cases.attempt("street", no, "supervise", Map.of()), 409);
		assertThat(cases.detail("grid", no).path("caseView").path("supervision").asString()).isEqualTo("RED");
	}

	@Test
	void aWhistleCallsTwoDepartmentsWhoSignAndReportArrival() {
		String no = newGridCase("多部门联合整治：违建与垃圾");
		cases.act("community", no, "register");
		assertThat(cases.get("dept", "/api/v1/cases/" + no).getResponse().getStatus())
			.as("not the department's case yet").isEqualTo(404);
		assertThat(caseNos(cases.list("dept", "size=200&q=" + no))).isEmpty();

		assertThat(cases.attempt("street", no, "whistle", Map.of()).getResponse().getStatus()).isEqualTo(422);
		assertThat(cases.attempt("street", no, "whistle", Map.of("departments", List.of("NOPE"))).getResponse()
			.getStatus()).isEqualTo(422);
		JsonNode blown = cases.act("street", no, "whistle",
				Map.of("departments", List.of("CGZF", "SZSR"), "note", "请到现场联合处置"));
		assertThat(blown.path("whistles")).extracting(w -> w.path("departmentCode").asString())
			.containsExactlyInAnyOrder("CGZF", "SZSR");
		assertThat(lastEvent(blown).path("note").asString())
			.isEqualTo("吹哨报到：城管执法队、市政市容委（须 60 分钟内签收）：请到现场联合处置");
		assertProblem(cases.attempt("street", no, "whistle", Map.of("departments", List.of("CGZF"))), 409);

		JsonNode seen = cases.detail("dept", no);
		assertThat(strings(seen.path("allowedActions"))).contains("whistle-sign").doesNotContain("whistle-report",
				"dispatch", "sign");
		assertThat(caseNos(cases.list("dept", "size=200&q=" + no))).containsExactly(no);
		assertProblem(cases.attempt("dept", no, "whistle-report", Map.of("note", "已到场")), 409);

		JsonNode signed = cases.act("dept", no, "whistle-sign");
		assertThat(lastEvent(signed).path("note").asString()).isEqualTo("城管执法队 签收吹哨");
		assertProblem(cases.attempt("dept", no, "whistle-sign", Map.of()), 409);
		assertThat(cases.attempt("dept", no, "whistle-report", Map.of()).getResponse().getStatus()).isEqualTo(422);
		JsonNode reported = cases.act("dept", no, "whistle-report", Map.of("note", "执法队员已到场，责令拆除"));

		JsonNode cgzf = whistle(reported, "CGZF");
		assertThat(cgzf.path("signedBy").asString()).isEqualTo("dept");
		assertThat(cgzf.path("arrivedAt").isNull()).isFalse();
		assertThat(cgzf.path("report").asString()).isEqualTo("执法队员已到场，责令拆除");
		assertThat(cgzf.path("late").asBoolean()).isFalse();
		JsonNode szsr = whistle(reported, "SZSR");
		assertThat(szsr.path("signedAt").isNull()).isTrue();
		assertThat(szsr.path("arrivedAt").isNull()).isTrue();
		assertThat(lastEvent(reported).path("note").asString()).isEqualTo("城管执法队 报到：执法队员已到场，责令拆除");
		assertThat(reported.path("caseView").path("status").asString()).as("the loop itself goes on")
			.isEqualTo("REGISTERED");
	}

	private static JsonNode whistle(JsonNode detail, String department) {
		for (JsonNode w : detail.path("whistles")) {
			if (w.path("departmentCode").asString().equals(department)) {
				return w;
			}
		}
		throw new AssertionError("no whistle to " + department);
	}

	@Test
	void aMergedCasesResidentFollowsTheSurvivingCase() {
		double[] point = cases.pointIn(GRID);
		String survivor = cases.reportNo("clerk", caseAt("0601", point, "夜间广场舞噪声扰民（热线）"));
		String mine = cases.reportNo("resident", caseAt("0601", CaseClient.offset(point, 20, 0), "晚上广场舞声音太大"));
		assertThat(caseNos(cases.list("resident", "size=200&q=" + survivor))).isEmpty();

		assertThat(cases.attempt("community", mine, "merge", Map.of()).getResponse().getStatus()).isEqualTo(422);
		assertThat(cases.attempt("community", mine, "merge", Map.of("targetCaseNo", mine)).getResponse().getStatus())
			.isEqualTo(422);
		assertProblem(cases.attempt("resident", mine, "merge", Map.of("targetCaseNo", survivor)), 403);
		JsonNode merged = cases.act("community", mine, "merge", Map.of("targetCaseNo", survivor, "note", "同一问题"));

		assertThat(merged.path("caseView").path("status").asString()).isEqualTo("MERGED");
		assertThat(merged.path("caseView").path("mergedInto").asString()).isEqualTo(survivor);
		assertThat(caseNos(cases.list("resident", "size=200&q=" + survivor))).containsExactly(survivor);
		JsonNode target = cases.detail("resident", survivor);
		assertThat(actions(target)).containsExactly("accept", "merged-in");
		assertThat(lastEvent(target).path("note").asString()).isEqualTo("合并了案件 " + mine);
		assertThat(lastEvent(merged).path("note").asString()).isEqualTo("合并到 " + survivor + "：同一问题");

		cases.act("community", survivor, "register");
		cases.act("community", survivor, "dispatch");
		closeFromDispatchedByCommunityUnit(survivor);
		assertThat(strings(cases.detail("resident", survivor).path("allowedActions"))).as("and may rate it")
			.containsExactly("rate");
	}

	private void closeFromDispatchedByCommunityUnit(String no) {
		cases.act("community", no, "sign");
		cases.act("community", no, "handle");
		cases.act("community", no, "feedback");
		cases.act("community", no, "verify", Map.of("passed", true));
		cases.act("community", no, "close");
	}

	@Test
	void aGridWorkerHandlesASmallMatterOnTheSpot() {
		MvcTestResult result = cases.post("grid", "/api/v1/cases?selfHandle=true",
				caseAt("0201", cases.pointIn(GRID), "电线杆上的小广告，已当场清除"));
		assertThat(result.getResponse().getStatus()).isEqualTo(201);
		JsonNode c = json(result).path("case");
		assertThat(c.path("status").asString()).isEqualTo("FED_BACK");
		assertThat(c.path("selfHandled").asBoolean()).isTrue();
		assertThat(c.path("channel").asString()).isEqualTo("PATROL");
		String no = c.path("caseNo").asString();
		assertThat(actions(cases.detail("grid", no))).containsExactly("accept", "self-handle");
		cases.act("community", no, "verify", Map.of("passed", true));

		MvcTestResult notAGridWorker = cases.post("resident", "/api/v1/cases?selfHandle=true",
				caseAt("0201", cases.pointIn(GRID), "小广告"));
		assertThat(notAGridWorker.getResponse().getStatus()).isEqualTo(403);
	}

}
