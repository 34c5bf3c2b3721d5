package org.gongzhi.party.web;

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
import static org.gongzhi.party.web.PartyApiTests.json;

/**
 * The three lists API as a community, a unit and a member use it: a need published and claimed by the demo unit into a
 * project that shows on the public board and is finished with a result; a community claiming a member's resource;
 * refusals outside scope or without a provider; Chinese field errors; and matching suggestions ranked by category,
 * distance and past delivery.
 */
@GongzhiTest
class ListsApiTests {

	static final String COMMUNITY = PartyApiTests.COMMUNITY;

	static final String OTHER_COMMUNITY = PartyApiTests.OTHER_COMMUNITY;

	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNeedIsClaimedByAUnitIntoAProjectShownOnTheBoardAndFinished() {
		String title = "测试需求-楼道照明" + SEQ.incrementAndGet() + "-" + System.nanoTime();
		JsonNode need = json(post("community", "/api/v1/party/needs", need(COMMUNITY, title, "FACILITIES")), 201);
		assertThat(need.path("status").asString()).isEqualTo("OPEN");
		assertThat(need.path("communityCode").asString()).isEqualTo(COMMUNITY);
		long needId = need.path("id").asLong();
		assertThat(json(get("resident", "/api/v1/party/needs?status=OPEN&q=" + title), 200).path("items").toString())
			.as("the need list is public").contains(title);

		JsonNode provider = json(get("unit", "/api/v1/party/providers/me"), 200);
		assertThat(provider.path("kind").asString()).isEqualTo("ORGANISATION");
		assertThat(provider.path("name").asString()).isEqualTo("示范区人民医院机关党委");
		JsonNode noOffer = json(post("unit", "/api/v1/party/needs/" + needId + "/claims", Map.of()), 422);
		assertThat(noOffer.path("errors").get(0).path("field").asString()).isEqualTo("offer");

		JsonNode project = json(post("unit", "/api/v1/party/needs/" + needId + "/claims",
				Map.of("offer", "后勤科派电工两名，一周内更换")), 201);
		assertThat(project.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(project.path("claimedBy").asString()).isEqualTo("PROVIDER");
		assertThat(project.path("providerName").asString()).isEqualTo("示范区人民医院机关党委");
		long projectId = project.path("id").asLong();
		assertThat(json(get("community", "/api/v1/party/needs/" + needId), 200).path("status").asString())
			.isEqualTo("CLAIMED");
		assertThat(json(post("member", "/api/v1/party/needs/" + needId + "/claims", Map.of("offer", "我也来")), 409)
			.path("detail").asString()).contains("已被认领");

		JsonNode board = json(get("resident", "/api/v1/party/projects?q=" + title), 200);
		assertThat(board.path("total").asLong()).isEqualTo(1);
		assertThat(board.path("items").get(0).path("id").asLong()).isEqualTo(projectId);

		assertThat(post("resident", "/api/v1/party/projects/" + projectId + "/progress", Map.of("progress", 50)))
			.hasStatus(403);
		JsonNode withMilestone = json(post("unit", "/api/v1/party/projects/" + projectId + "/milestones",
				Map.of("title", "采购灯具", "dueOn", "2030-01-01")), 201);
		long milestone = withMilestone.path("milestones").get(0).path("id").asLong();
		assertThat(json(post("community", "/api/v1/party/projects/" + projectId + "/milestones/" + milestone,
				Map.of("done", true)), 200).path("milestones").get(0).path("done").asBoolean()).isTrue();
		assertThat(json(post("unit", "/api/v1/party/projects/" + projectId + "/progress", Map.of("progress", 60)), 200)
			.path("progress").asInt()).isEqualTo(60);
		JsonNode noResult = json(post("unit", "/api/v1/party/projects/" + projectId + "/progress",
				Map.of("progress", 90, "status", "DONE")), 422);
		assertThat(noResult.path("errors").get(0).path("field").asString()).isEqualTo("result");
		JsonNode done = json(post("unit", "/api/v1/party/projects/" + projectId + "/progress",
				Map.of("progress", 90, "status", "DONE", "result", "更换楼道灯 24 盏")), 200);
		assertThat(done.path("status").asString()).isEqualTo("DONE");
		assertThat(done.path("progress").asInt()).isEqualTo(100);
		assertThat(json(get("community", "/api/v1/party/needs/" + needId), 200).path("status").asString())
			.isEqualTo("DONE");
		assertThat(post("unit", "/api/v1/party/projects/" + projectId + "/progress", Map.of("progress", 10)))
			.hasStatus(409);

		assertThat(jdbc.sql("""
				select count(*) from identity.audit_log where (target_type = 'party-need' and target_id = :need)
				   or (target_type = 'party-project' and target_id = :project)
				""").param("need", String.valueOf(needId)).param("project", String.valueOf(projectId))
			.query(Long.class).single()).as("publish, claim, milestone, mark, progress, finish").isEqualTo(6);
	}

	@Test
	void aCommunityClaimsAMembersResourceForItsNeed() {
		String suffix = SEQ.incrementAndGet() + "-" + System.nanoTime();
		JsonNode resource = json(post("member", "/api/v1/party/resources", resource("测试法律咨询" + suffix, "MEDIATION",
				null, null)), 201);
		assertThat(resource.path("providerKind").asString()).isEqualTo("MEMBER");
		assertThat(resource.path("providerName").asString()).isEqualTo("赵磊");
		long needId = json(post("community", "/api/v1/party/needs", need(COMMUNITY, "测试邻里纠纷" + suffix, "MEDIATION")),
				201).path("id").asLong();

		assertThat(post("unit", "/api/v1/party/resources/" + resource.path("id").asLong() + "/claims",
				Map.of("needId", needId))).as("a unit account does not claim for a community").hasStatus(403);
		JsonNode project = json(post("community", "/api/v1/party/resources/" + resource.path("id").asLong() + "/claims",
				Map.of("needId", needId)), 201);
		assertThat(project.path("claimedBy").asString()).isEqualTo("COMMUNITY");
		assertThat(project.path("resourceTitle").asString()).isEqualTo("测试法律咨询" + suffix);
		assertThat(project.path("ownerName").asString()).contains("李秀英");
		assertThat(jdbc.sql("""
				select m.body || '|' || m.link from notify.message m join identity.app_user u on u.id = m.user_id
				 where u.username = 'member' and m.title = :t
				""").param("t", "您的资源「测试法律咨询" + suffix + "」已被认领").query(String.class).list())
			.as("the member who offered the resource is told").containsExactly("社区认领了这项资源，用于需求「测试邻里纠纷"
					+ suffix + "」，已成为项目，请在项目页跟进进展。|/party/projects/" + project.path("id").asLong());
		assertThat(json(post("member", "/api/v1/party/projects/" + project.path("id").asLong() + "/progress",
				Map.of("progress", 30)), 200).path("progress").asInt()).as("the provider keeps it up too").isEqualTo(30);
		JsonNode stopped = json(post("community", "/api/v1/party/projects/" + project.path("id").asLong() + "/progress",
				Map.of("progress", 30, "status", "STOPPED", "result", "当事人已自行和解")), 200);
		assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
		assertThat(json(get("community", "/api/v1/party/needs/" + needId), 200).path("status").asString())
			.as("a stopped project frees the need").isEqualTo("OPEN");
	}

	@Test
	void needsStayInsideTheScopeAndOnlyProvidersClaimThem() {
		String title = "测试范围外需求" + SEQ.incrementAndGet();
		assertThat(json(post("community", "/api/v1/party/needs", need(OTHER_COMMUNITY, title, "OTHER")), 403)
			.path("detail").asString()).contains("数据范围");
		assertThat(post("resident", "/api/v1/party/needs", need(COMMUNITY, title, "OTHER"))).hasStatus(403);
		assertThat(json(post("unit", "/api/v1/party/needs", need(COMMUNITY, title, "OTHER")), 403)
			.path("detail").asString()).contains("社区工作者");
		assertThat(jdbc.sql("select count(*) from party.need where title = :t").param("t", title).query(Long.class)
			.single()).isZero();

		long needId = json(post("community", "/api/v1/party/needs", need(COMMUNITY, title + "乙", "OTHER")), 201)
			.path("id").asLong();
		assertThat(json(post("resident", "/api/v1/party/needs/" + needId + "/claims", Map.of("offer", "帮忙")), 403)
			.path("detail").asString()).contains("未关联");
		long othersResource = json(post("member", "/api/v1/party/resources", resource("测试他人资源" + SEQ.get(), "OTHER",
				null, null)), 201).path("id").asLong();
		assertThat(json(post("unit", "/api/v1/party/needs/" + needId + "/claims", Map.of("resourceId", othersResource)),
				422).path("errors").get(0).path("field").asString()).isEqualTo("resourceId");
		assertThat(post("grid", "/api/v1/party/needs/" + needId + "/withdraw", Map.of())).hasStatus(403);
		assertThat(json(post("community", "/api/v1/party/needs/" + needId + "/withdraw", Map.of()), 200)
			.path("status").asString()).isEqualTo("WITHDRAWN");
	}

	@Test
	void invalidNeedsAnswerAProblemWithChineseFieldErrors() {
		MvcTestResult invalid = post("community", "/api/v1/party/needs", Map.of("title", "", "areaCode", "12"));
		JsonNode problem = json(invalid, 400);
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("errors").toString()).contains("请填写名称", "请选择类别", "请选择需求来源",
				"社区编码为 12 位数字");
		Map<String, Object> caseless = need(COMMUNITY, "测试案件来源" + SEQ.incrementAndGet(), "ENVIRONMENT");
		caseless.put("caseNo", "NO-SUCH-CASE");
		JsonNode unknownCase = json(post("community", "/api/v1/party/needs", caseless), 422);
		assertThat(unknownCase.path("errors").get(0).path("field").asString()).isEqualTo("caseNo");
		Map<String, Object> halfPoint = need(COMMUNITY, "测试半个坐标" + SEQ.get(), "ENVIRONMENT");
		halfPoint.put("lng", 116.4);
		assertThat(json(post("community", "/api/v1/party/needs", halfPoint), 422).path("detail").asString())
			.contains("同时填写");
	}

	@Test
	void matchesRankResourcesByCategoryDistanceAndPastDelivery() {
		String suffix = SEQ.incrementAndGet() + "-" + System.nanoTime();
		Map<String, Object> body = need(COMMUNITY, "测试匹配需求" + suffix, "HEALTH");
		body.put("lng", 100.0);
		body.put("lat", 30.0);
		long needId = json(post("community", "/api/v1/party/needs", body), 201).path("id").asLong();
		long near = json(post("member", "/api/v1/party/resources", resource("测试近处义诊" + suffix, "HEALTH", 100.001, 30.001)),
				201).path("id").asLong();
		long far = json(post("member", "/api/v1/party/resources", resource("测试远处义诊" + suffix, "HEALTH", 100.2, 30.2)),
				201).path("id").asLong();
		long other = json(post("member", "/api/v1/party/resources", resource("测试近处清洁" + suffix, "ENVIRONMENT", 100.001,
				30.001)), 201).path("id").asLong();

		JsonNode matches = json(get("street", "/api/v1/party/needs/" + needId + "/matches?limit=50"), 200);
		int previous = Integer.MAX_VALUE;
		Map<Long, JsonNode> byId = new HashMap<>();
		for (JsonNode m : matches) {
			int score = m.path("score").asInt();
			assertThat(score).isLessThanOrEqualTo(previous);
			assertThat(score).isEqualTo(m.path("categoryScore").asInt() + m.path("distanceScore").asInt()
					+ m.path("deliveryScore").asInt());
			previous = score;
			byId.put(m.path("resource").path("id").asLong(), m);
		}
		assertThat(byId).containsKeys(near, far, other);
		assertThat(byId.get(near).path("distanceKm").asDouble()).isLessThan(0.2);
		assertThat(byId.get(near).path("distanceEstimated").asBoolean()).isFalse();
		assertThat(byId.get(near).path("categoryScore").asInt()).isEqualTo(50);
		assertThat(byId.get(other).path("categoryScore").asInt()).isZero();
		assertThat(byId.get(far).path("distanceScore").asInt()).as("28 km away").isZero();
		assertThat(index(matches, near)).isLessThan(index(matches, far)).isLessThan(index(matches, other));
		long memberDelivered = byId.get(near).path("delivered").asLong();
		assertThat(byId.get(near).path("deliveryScore").asInt()).isEqualTo((int) Math.min(20, memberDelivered * 4));
	}

	@Test
	void theListsAreDocumentedAndPaged() {
		assertThat(mvc.get().uri("/api/v1/openapi").exchange()).bodyText().contains("/api/v1/party/needs/{id}/claims",
				"/api/v1/party/resources/{id}/claims", "/api/v1/party/projects/{id}/progress",
				"/api/v1/party/needs/{id}/matches");
		JsonNode page = json(get("resident", "/api/v1/party/resources?size=5&page=1"), 200);
		assertThat(page.path("items").size()).isEqualTo(5);
		assertThat(page.path("total").asLong()).as("the demo resources").isGreaterThanOrEqualTo(55);
		assertThat(json(get("resident", "/api/v1/party/projects?status=DONE"), 200).path("items").get(0)
			.path("result").asString()).isNotBlank();
	}

	private static int index(JsonNode matches, long resourceId) {
		for (int i = 0; i < matches.size(); i++) {
			if (matches.get(i).path("resource").path("id").asLong() == resourceId) {
				return i;
			}
		}
		return -1;
	}

	static Map<String, Object> need(String area, String title, String category) {
		Map<String, Object> m = new HashMap<>();
		m.put("areaCode", area);
		m.put("title", title);
		m.put("category", category);
		m.put("source", "RESIDENTS");
		m.put("description", "测试说明");
		m.put("wantedBy", "2030-06-30");
		return m;
	}

	static Map<String, Object> resource(String title, String category, Double lng, Double lat) {
		Map<String, Object> m = new HashMap<>();
		m.put("kind", "SKILL");
		m.put("category", category);
		m.put("title", title);
		m.put("capacity", "每月 4 小时");
		m.put("availability", "周末");
		m.put("lng", lng);
		m.put("lat", lat);
		return m;
	}

	private MvcTestResult get(String user, String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, user))).exchange();
	}

	private MvcTestResult post(String user, String uri, Object body) {
		return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, user)))
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(body)).exchange();
	}

}
