package org.gongzhi.party.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leaders' contact (领导联系社区) through the API: the street assigns a leader by name, records a visit, takes up an
 * issue (an unknown case number refused, a real one linked) and closes it with a result, every step in the audit
 * trail; the demo leader sees their own communities first; staff out of scope and residents are refused.
 */
@GongzhiTest
class LeaderContactApiTests {

	static final String COMMUNITY = "110199001003";

	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeaderIsAssignedVisitsAndTakesUpAnIssueToTheEnd() {
		String name = "测联系" + SEQ.incrementAndGet() + System.nanoTime() % 1000;
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		JsonNode invalid = PartyApiTests.json(post("street", "/api/v1/party/leader-contacts/assignments",
				Map.of("communityCode", COMMUNITY, "startsOn", today.toString())), 422);
		assertThat(invalid.path("detail").asString()).isEqualTo("没有领导账号时请填写领导姓名");
		JsonNode assignment = PartyApiTests.json(post("street", "/api/v1/party/leader-contacts/assignments",
				Map.of("communityCode", COMMUNITY, "leaderName", name, "leaderPost", "街道武装部部长", "startsOn",
						today.minusDays(30).toString())), 201);
		long id = assignment.path("id").asLong();
		assertThat(assignment.path("active").asBoolean()).isTrue();
		assertThat(PartyApiTests.json(post("street", "/api/v1/party/leader-contacts/assignments",
				Map.of("communityCode", COMMUNITY, "leaderName", name, "startsOn", today.toString())), 409)
			.path("detail").asString()).isEqualTo("该领导已在联系这个社区");

		JsonNode blankVisit = PartyApiTests.json(post("street", "/api/v1/party/leader-contacts/visits",
				Map.of("assignmentId", id, "visitedOn", today.toString())), 400);
		assertThat(blankVisit.path("errors").toString()).contains("请填写走访见到的人员").contains("请填写走访谈了什么");
		PartyApiTests.json(post("street", "/api/v1/party/leader-contacts/visits", Map.of("assignmentId", id,
				"visitedOn", today.minusDays(2).toString(), "peopleMet", "社区书记、楼栋长", "discussed", "加装电梯" + name)),
				201);

		Map<String, Object> issue = new HashMap<>(Map.of("assignmentId", id, "title", "路灯修复" + name, "caseNo",
				"NO-SUCH-CASE", "dueOn", today.plusDays(10).toString()));
		assertThat(PartyApiTests.json(post("street", "/api/v1/party/leader-contacts/issues", issue), 422)
			.path("detail").asString()).contains("没有找到该案件编号");
		String caseNo = jdbc.sql("select case_no from cases.case_record order by id limit 1").query(String.class).single();
		issue.put("caseNo", caseNo);
		JsonNode taken = PartyApiTests.json(post("street", "/api/v1/party/leader-contacts/issues", issue), 201);
		assertThat(taken.path("status").asString()).isEqualTo("OPEN");
		assertThat(taken.path("caseNo").asString()).isEqualTo(caseNo);
		assertThat(taken.path("caseId").asLong()).isPositive();
		long issueId = taken.path("id").asLong();
		assertThat(PartyApiTests.json(post("street", "/api/v1/party/leader-contacts/issues/" + issueId + "/close",
				Map.of("result", " ")), 422).path("detail").asString()).isEqualTo("办结时请填写办理结果");
		JsonNode closed = PartyApiTests.json(post("street", "/api/v1/party/leader-contacts/issues/" + issueId + "/close",
				Map.of("result", "已更换路灯 12 盏")), 200);
		assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("closedOn").asString()).isEqualTo(today.toString());
		assertThat(post("street", "/api/v1/party/leader-contacts/issues/" + issueId + "/close",
				Map.of("result", "再次"))).hasStatus(409);

		JsonNode detail = PartyApiTests.json(get("street", "/api/v1/party/leader-contacts/communities/" + COMMUNITY), 200);
		assertThat(detail.path("visits").toString()).contains("加装电梯" + name);
		assertThat(detail.path("issues").toString()).contains("已更换路灯 12 盏");
		assertThat(detail.path("summary").path("lastVisit").asString()).isNotEmpty();
		assertThat(jdbc.sql("""
				select count(*) from identity.audit_log where action in ('party.leader.assign', 'party.leader.visit',
				'party.leader.issue', 'party.leader.close') and (detail like :n or target_id = :i)
				""").param("n", "%" + name + "%").param("i", String.valueOf(issueId)).query(Long.class).single())
			.isGreaterThanOrEqualTo(4);

		assertThat(post("community", "/api/v1/party/leader-contacts/visits", Map.of("assignmentId", id, "visitedOn",
				today.toString(), "peopleMet", "居民", "discussed", "越权"))).hasStatus(404);
	}

	@Test
	void theLeaderSeesTheirOwnCommunitiesFirstAndOverdueOnesAreFlagged() {
		JsonNode board = PartyApiTests.json(get("leader", "/api/v1/party/leader-contacts"), 200);
		assertThat(board.size()).isGreaterThan(2);
		assertThat(board.get(0).path("mine").asBoolean()).isTrue();
		assertThat(board.get(1).path("mine").asBoolean()).isTrue();
		assertThat(board.valueStream().skip(2).noneMatch(c -> c.path("mine").asBoolean())).isTrue();
		assertThat(board.valueStream().anyMatch(c -> c.path("visitOverdue").asBoolean())).as("a demo community unvisited for months")
			.isTrue();
		assertThat(board.valueStream().filter(c -> c.path("visitOverdue").asBoolean())
			.allMatch(c -> c.path("daysSinceVisit").asLong() > 90)).isTrue();

		JsonNode community = PartyApiTests.json(get("community", "/api/v1/party/leader-contacts"), 200);
		assertThat(community.valueStream().map(c -> c.path("communityCode").asString()).toList())
			.containsExactly("110199001001");
		assertThat(get("community", "/api/v1/party/leader-contacts/communities/" + COMMUNITY)).hasStatus(403);
		assertThat(get("resident", "/api/v1/party/leader-contacts")).hasStatus(403);
		assertThat(post("community", "/api/v1/party/leader-contacts/assignments", Map.of("communityCode", COMMUNITY,
				"leaderName", "越权领导", "startsOn", "2026-01-01"))).hasStatus(403);
	}

	private MvcTestResult get(String user, String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, user))).exchange();
	}

	private MvcTestResult post(String user, String uri, Object body) {
		return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, user)))
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(body)).exchange();
	}

}
