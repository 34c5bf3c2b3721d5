package org.gongzhi.party.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The party API as street, community and members use it: the organisation tree and coverage gaps cut to scope,
 * members with masked phones, a 双报到 registered, refused without a reason, accepted with its six-month expiry, a
 * post claimed, service recorded and confirmed, and the lists of members who have not reported or not claimed.
 */
@GongzhiTest
class PartyApiTests {

	static final String COMMUNITY = "110199001001";

	static final String OTHER_COMMUNITY = "110199001002";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTreeAndCoverageFollowTheUsersScope() {
		JsonNode street = json(get("street", "/api/v1/party/organisations"), 200);
		assertThat(names(street)).contains("和平街道党工委");
		JsonNode community = json(get("community", "/api/v1/party/organisations"), 200);
		assertThat(names(community)).isNotEmpty().doesNotContain("和平街道党工委");
		for (JsonNode o : community) {
			assertThat(o.path("areaCode").asString()).startsWith(COMMUNITY);
		}
		JsonNode gaps = json(get("community", "/api/v1/party/coverage"), 200);
		assertThat(gaps.size()).as("grids and buildings without a branch").isPositive();
		for (JsonNode g : gaps) {
			assertThat(g.path("code").asString()).startsWith(COMMUNITY);
		}
		assertThat(get("community", "/api/v1/party/coverage?area=" + OTHER_COMMUNITY)).hasStatus(403);
		assertThat(get("resident", "/api/v1/party/organisations")).hasStatus(403);
	}

	@Test
	void anOrganisationIsCreatedInScopeWithChineseFieldErrors() {
		MvcTestResult invalid = post("community", "/api/v1/party/organisations", Map.of("name", ""));
		JsonNode problem = json(invalid, 400);
		assertThat(problem.path("errors").toString()).contains("请填写党组织名称").contains("请选择党组织类型");

		long parent = json(get("community", "/api/v1/party/organisations"), 200).get(0).path("id").asLong();
		Map<String, Object> body = new HashMap<>(Map.of("kind", "BRANCH", "name", "测试楼院党支部" + SEQ.incrementAndGet(),
				"parentId", parent, "areaCode", COMMUNITY + "001", "termStart", "2026-01-01", "termEnd", "2028-12-31",
				"committee", List.of(Map.of("post", "SECRETARY", "name", "测书记"))));
		JsonNode created = json(post("community", "/api/v1/party/organisations", body), 201);
		assertThat(created.path("committee").get(0).path("name").asString()).isEqualTo("测书记");
		assertThat(jdbc.sql("select count(*) from identity.audit_log where action = 'party.organisation.create' and target_id = :id")
			.param("id", created.path("id").asString()).query(Long.class).single()).isEqualTo(1);

		body.put("areaCode", OTHER_COMMUNITY + "001");
		body.remove("parentId");
		assertThat(json(post("community", "/api/v1/party/organisations", body), 403).path("detail").asString())
			.contains("数据范围");
		body.put("areaCode", COMMUNITY + "001");
		body.put("memberUnits", List.of(Map.of("name", "某学校", "unitKind", "学校")));
		assertThat(json(post("community", "/api/v1/party/organisations", body), 422).path("detail").asString())
			.contains("成员单位");
	}

	@Test
	void membersShowMaskedPhonesAndBadgesArePublic() {
		long branch = json(get("community", "/api/v1/party/organisations"), 200).get(0).path("id").asLong();
		JsonNode created = json(post("community", "/api/v1/party/members", member(branch, "测试党员甲", false, null)), 201);
		assertThat(created.path("phoneMasked").asString()).isEqualTo("139****5678");
		assertThat(jdbc.sql("select count(*) from party.member where phone_masked like '%13912345678%'")
			.query(Long.class).single()).isZero();
		JsonNode badges = json(get("resident", "/api/v1/party/badges?area=" + COMMUNITY), 200);
		assertThat(badges.toString()).contains("测试党员甲").contains("有事找我").doesNotContain("139");
		assertThat(json(post("community", "/api/v1/party/members", member(branch, "测试党员乙", true, null)), 422)
			.path("errors").get(0).path("field").asString()).isEqualTo("employerUnit");
	}

	@Test
	void aDualReportIsRegisteredReviewedClaimedAndServed() {
		long employer = employerOrg();
		String name = "测试在职党员" + SEQ.incrementAndGet();
		long member = json(post("street", "/api/v1/party/members", member(employer, name, true, "示范区测试单位")), 201)
			.path("id").asLong();
		assertThat(json(get("street", "/api/v1/party/organisations/" + employer + "/not-reported"), 200).toString())
			.contains(name);

		JsonNode report = json(post("street", "/api/v1/party/reports", Map.of("memberId", member, "communityCode", COMMUNITY)), 201);
		assertThat(report.path("status").asString()).isEqualTo("PENDING");
		long id = report.path("id").asLong();
		assertThat(json(post("street", "/api/v1/party/reports", Map.of("memberId", member, "communityCode", COMMUNITY)), 409)
			.path("detail").asString()).contains("待审核");
		assertThat(json(get("community", "/api/v1/party/reports?status=PENDING"), 200).toString()).contains(name);

		JsonNode noReason = json(post("community", "/api/v1/party/reports/" + id + "/review", Map.of("accept", false)), 422);
		assertThat(noReason.path("errors").get(0).path("field").asString()).isEqualTo("reason");
		JsonNode accepted = json(post("community", "/api/v1/party/reports/" + id + "/review", Map.of("accept", true)), 200);
		assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThat(accepted.path("expiresOn").asString()).isEqualTo(today.plusMonths(6).minusDays(1).toString());
		assertThat(post("community", "/api/v1/party/reports/" + id + "/review", Map.of("accept", true))).hasStatus(409);
		assertThat(json(get("street", "/api/v1/party/organisations/" + employer + "/not-reported"), 200).toString())
			.doesNotContain(name);

		assertThat(json(get("community", "/api/v1/party/posts/unclaimed?community=" + COMMUNITY), 200).toString())
			.contains(name);
		JsonNode post = json(post("community", "/api/v1/party/posts", Map.of("communityCode", COMMUNITY, "kind", "PATROL",
				"title", "测试巡逻岗" + SEQ.get(), "skills", "晚间有空", "headcount", 1)), 201);
		long postId = post.path("id").asLong();
		JsonNode claimed = json(post("community", "/api/v1/party/posts/" + postId + "/claims", Map.of("memberId", member)), 200);
		assertThat(claimed.path("claims").get(0).path("memberName").asString()).isEqualTo(name);
		assertThat(json(get("community", "/api/v1/party/posts/unclaimed?community=" + COMMUNITY), 200).toString())
			.doesNotContain(name);
		assertThat(json(post("community", "/api/v1/party/posts/" + postId + "/claims", Map.of("memberId", member)), 409)
			.path("detail").asString()).contains("已认领");

		long claim = claimed.path("claims").get(0).path("id").asLong();
		JsonNode bad = json(post("community", "/api/v1/party/claims/" + claim + "/services",
				Map.of("servedOn", today.toString(), "hours", 30, "what", "巡逻")), 400);
		assertThat(bad.path("errors").toString()).contains("0.5 至 24");
		JsonNode service = json(post("community", "/api/v1/party/claims/" + claim + "/services",
				Map.of("servedOn", today.toString(), "hours", 2.5, "what", "夜间巡逻两小时半")), 201);
		assertThat(service.path("status").asString()).isEqualTo("PENDING");
		JsonNode confirmed = json(post("community", "/api/v1/party/services/" + service.path("id").asLong() + "/confirm",
				Map.of("confirmed", true)), 200);
		assertThat(confirmed.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(jdbc.sql("select count(*) from identity.audit_log where action like 'party.%' and target_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aCommunityCannotReviewAnotherCommunitysReport() {
		long employer = employerOrg();
		long member = json(post("street", "/api/v1/party/members",
				member(employer, "测试外社区党员" + SEQ.incrementAndGet(), true, "示范区测试单位")), 201).path("id").asLong();
		long id = json(post("street", "/api/v1/party/reports", Map.of("memberId", member, "communityCode", OTHER_COMMUNITY)), 201)
			.path("id").asLong();
		assertThat(json(get("community", "/api/v1/party/reports"), 200).toString()).doesNotContain("\"id\":" + id + ",");
		assertThat(post("community", "/api/v1/party/reports/" + id + "/review", Map.of("accept", true))).hasStatus(404);
		assertThat(post("grid", "/api/v1/party/reports/" + id + "/review", Map.of("accept", true))).hasStatus(404);
		assertThat(json(post("street", "/api/v1/party/reports/" + id + "/review", Map.of("accept", false, "reason", "地址有误")), 200)
			.path("status").asString()).isEqualTo("REFUSED");
	}

	@Test
	void theDemoMemberSeesTheirReportAndPosts() {
		JsonNode me = json(get("member", "/api/v1/party/members/me"), 200);
		assertThat(me.path("name").asString()).isEqualTo("赵磊");
		assertThat(me.path("inService").asBoolean()).isTrue();
		assertThat(json(get("member", "/api/v1/party/reports/mine"), 200).get(0).path("status").asString())
			.isEqualTo("ACCEPTED");
		JsonNode posts = json(get("member", "/api/v1/party/posts"), 200);
		assertThat(posts.size()).isPositive();
		boolean holdsOne = false;
		for (JsonNode p : posts) {
			assertThat(p.path("communityCode").asString()).isEqualTo(COMMUNITY);
			holdsOne |= !p.path("myClaimId").isNull();
		}
		assertThat(holdsOne).isTrue();
		assertThat(json(post("member", "/api/v1/party/reports", Map.of("communityCode", COMMUNITY)), 409)
			.path("detail").asString()).contains("有效期");
		assertThat(get("member", "/api/v1/party/members")).hasStatus(403);
		assertThat(get("resident", "/api/v1/party/members/me")).hasStatus(404);
	}

	@Test
	void theApiIsDocumentedAndAnswersInEnglishOnRequest() {
		MvcTestResult docs = mvc.get().uri("/api/v1/openapi").exchange();
		assertThat(docs).hasStatusOk();
		assertThat(docs).bodyText().contains("/api/v1/party/reports/{id}/review", "/api/v1/party/posts/{id}/claims",
				"/api/v1/party/coverage", "/api/v1/party/badges");
		MvcTestResult english = mvc.post().uri("/api/v1/party/reports")
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, "community")))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("communityCode", "12"))).exchange();
		assertThat(json(english, 400).path("errors").get(0).path("message").asString())
			.isEqualTo("A community code has 12 digits");
	}

	private long employerOrg() {
		for (JsonNode o : json(get("street", "/api/v1/party/organisations"), 200)) {
			if (o.path("name").asString().endsWith("机关党委")) {
				return o.path("id").asLong();
			}
		}
		throw new AssertionError("no employer organisation in the demo data");
	}

	private static Map<String, Object> member(long org, String name, boolean inService, String employer) {
		Map<String, Object> m = new HashMap<>();
		m.put("organisationId", org);
		m.put("name", name);
		m.put("joinDate", "2010-07-01");
		m.put("status", "FULL");
		m.put("inService", inService);
		m.put("employerUnit", employer);
		m.put("residenceAddress", "测试小区1号楼");
		m.put("residenceAreaCode", COMMUNITY + "001");
		m.put("phone", "13912345678");
		m.put("badgePost", "党员中心户");
		m.put("badgePromise", "有事找我");
		return m;
	}

	private static List<String> names(JsonNode list) {
		return list.valueStream().map(o -> o.path("name").asString()).toList();
	}

	private MvcTestResult get(String user, String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, user))).exchange();
	}

	private MvcTestResult post(String user, String uri, Object body) {
		return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, user)))
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(body)).exchange();
	}

	static JsonNode json(MvcTestResult result, int status) {
		assertThat(result).hasStatus(status);
		try {
			return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
