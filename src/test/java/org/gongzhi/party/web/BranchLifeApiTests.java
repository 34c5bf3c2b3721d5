package org.gongzhi.party.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.party.web.PartyApiTests.json;

/**
 * The branch-life and star-rating API as branches and the street use it: a meeting recorded with Chinese refusals of
 * bad input, the branch's 本月支委会 warning gone once it is recorded, scope and read-only leaders, the demo's branch
 * behind its cadence and last year's finalised rating, and a year rated, capped at the five-star share and finalised.
 */
@GongzhiTest
class BranchLifeApiTests {

	static final String COMMUNITY = "110199001001";

	static final String OTHER_COMMUNITY = "110199001002";

	static final AtomicInteger SEQ = new AtomicInteger();

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMeetingIsRecordedAndTheBranchsWarningGoes() {
		long branch = newBranch("community", COMMUNITY + "001");
		assertThat(currentWarnings(branch)).contains("本月支委会未开", "本月主题党日未开展");

		Map<String, Object> body = meeting(branch, "COMMITTEE_MEETING", TODAY.plusDays(1), 8, 7);
		assertThat(json(send("POST", "community", "/api/v1/party/meetings", body), 422).path("detail").asString())
			.contains("不能晚于今天");
		body = meeting(branch, "COMMITTEE_MEETING", TODAY, 8, 9);
		JsonNode above = json(send("POST", "community", "/api/v1/party/meetings", body), 422);
		assertThat(above.path("errors").get(0).path("field").asString()).isEqualTo("present");
		assertThat(above.path("detail").asString()).isEqualTo("实到人数（9）不能超过应到人数（8）");
		body = meeting(branch, "COMMITTEE_MEETING", TODAY, 8, 7);
		body.put("absentees", List.of(Map.of("name", "甲", "reason", "出差"), Map.of("name", "乙", "reason", "生病")));
		assertThat(json(send("POST", "community", "/api/v1/party/meetings", body), 422).path("detail").asString())
			.contains("多于应到减实到的 1 人");
		body.put("topic", "");
		assertThat(json(send("POST", "community", "/api/v1/party/meetings", body), 400).path("errors").toString())
			.contains("请填写会议主题");

		body = meeting(branch, "COMMITTEE_MEETING", TODAY, 8, 7);
		body.put("absentees", List.of(Map.of("name", "钱缺席", "reason", "出差")));
		JsonNode created = json(send("POST", "community", "/api/v1/party/meetings", body), 201);
		assertThat(created.path("attendance").asInt()).isEqualTo(87);
		assertThat(created.path("absentees").get(0).path("reason").asString()).isEqualTo("出差");
		assertThat(created.path("recordedBy").asString()).contains("李秀英");
		long id = created.path("id").asLong();
		assertThat(audits("party.meeting.create", id)).isEqualTo(1);

		assertThat(currentWarnings(branch)).doesNotContain("本月支委会未开").contains("本月主题党日未开展");
		JsonNode list = json(send("GET", "leader", "/api/v1/party/meetings?organisationId=" + branch, null), 200);
		assertThat(list.path("total").asLong()).isEqualTo(1);
		assertThat(list.path("items").get(0).path("topic").asString()).startsWith("测试支委会");
		assertThat(send("POST", "leader", "/api/v1/party/meetings", body)).hasStatus(403);

		body.put("present", 8);
		body.put("absentees", List.of());
		assertThat(json(send("PUT", "community", "/api/v1/party/meetings/" + id, body), 200).path("present").asInt())
			.isEqualTo(8);
		assertThat(send("DELETE", "community", "/api/v1/party/meetings/" + id, null)).hasStatus(204);
		assertThat(audits("party.meeting.delete", id)).isEqualTo(1);
		assertThat(currentWarnings(branch)).contains("本月支委会未开");
	}

	@Test
	void aCommunityCannotRecordForAnotherCommunitysBranch() {
		long other = newBranch("street", OTHER_COMMUNITY + "001");
		assertThat(json(send("POST", "community", "/api/v1/party/meetings",
				meeting(other, "THEME_DAY", TODAY, 5, 5)), 403).path("detail").asString()).contains("数据范围");
		assertThat(send("GET", "community", "/api/v1/party/cadence?organisationId=" + other, null)).hasStatus(403);
		long committee = json(send("GET", "community", "/api/v1/party/organisations", null), 200).get(0).path("id").asLong();
		assertThat(json(send("POST", "community", "/api/v1/party/meetings",
				meeting(committee, "THEME_DAY", TODAY, 5, 5)), 422).path("detail").asString()).contains("党支部或党总支");
		assertThat(send("GET", "resident", "/api/v1/party/meetings", null)).hasStatus(403);
	}

	@Test
	void theDemoHasABranchBehindAndLastYearsFinalisedRating() {
		JsonNode cadence = json(send("GET", "street", "/api/v1/party/cadence?current=true", null), 200);
		assertThat(cadence.path("cadence").path("COMMITTEE_MEETING").asString()).isEqualTo("MONTH");
		assertThat(cadence.path("cadence").path("BRANCH_ASSEMBLY").asString()).isEqualTo("QUARTER");
		List<String> messages = cadence.path("warnings").valueStream().map(w -> w.path("message").asString()).toList();
		assertThat(messages).contains("本月支委会未开");
		JsonNode meetings = json(send("GET", "street", "/api/v1/party/meetings?size=5&from=" + TODAY.minusYears(1), null), 200);
		assertThat(meetings.path("total").asLong()).isGreaterThan(200);
		assertThat(meetings.path("items").size()).isEqualTo(5);

		int last = TODAY.getYear() - 1;
		JsonNode history = json(send("GET", "street", "/api/v1/party/ratings?year=" + last, null), 200);
		assertThat(history.path("total").asLong()).isPositive();
		long rated = history.path("total").asLong();
		long five = history.path("items").valueStream().filter(r -> r.path("stars").asInt() == 5).count();
		assertThat(five).isLessThanOrEqualTo(rated / 10);
		JsonNode sheet = json(send("GET", "street", "/api/v1/party/ratings/" + last, null), 200);
		assertThat(sheet.path("finalised").asBoolean()).isTrue();
		long org = sheet.path("rows").get(0).path("organisationId").asLong();
		assertThat(json(send("PUT", "street", "/api/v1/party/ratings/" + last + "/scores/" + org, Map.of("SERVICE", 50)), 409)
			.path("detail").asString()).contains("已定稿");
	}

	@Test
	void aYearIsRatedCappedAtTheFiveStarShareAndFinalised() {
		int year = TODAY.getYear() - 3;
		JsonNode sheet = json(send("GET", "street", "/api/v1/party/ratings/" + year, null), 200);
		List<String> codes = sheet.path("criteria").valueStream().map(c -> c.path("code").asString()).toList();
		assertThat(sheet.path("criteria").valueStream().mapToInt(c -> c.path("weight").asInt()).sum()).isEqualTo(100);
		assertThat(sheet.path("criteria").valueStream().map(c -> c.path("source").asString()))
			.contains("SATISFACTION", "CADENCE");

		List<Map<String, Object>> criteria = new ArrayList<>();
		sheet.path("criteria").valueStream().forEach(c -> criteria.add(new HashMap<>(Map.of("code", c.path("code").asString(),
				"name", c.path("name").asString(), "weight", c.path("weight").asInt(), "source", c.path("source").asString()))));
		criteria.get(0).put("weight", (Integer) criteria.get(0).get("weight") - 10);
		assertThat(json(send("PUT", "street", "/api/v1/party/ratings/" + year + "/criteria", Map.of("criteria", criteria)), 422)
			.path("detail").asString()).isEqualTo("各项权重之和应为 100，现为 90");
		assertThat(send("PUT", "community", "/api/v1/party/ratings/" + year + "/criteria", Map.of("criteria", criteria)))
			.hasStatus(403);
		criteria.add(Map.of("name", "测试指标", "weight", 10, "source", "MANUAL"));
		JsonNode saved = json(send("PUT", "street", "/api/v1/party/ratings/" + year + "/criteria", Map.of("criteria", criteria)), 200);
		assertThat(saved.path("criteria").size()).isEqualTo(codes.size() + 1);
		List<String> allCodes = saved.path("criteria").valueStream().map(c -> c.path("code").asString()).toList();

		long first = saved.path("rows").get(0).path("organisationId").asLong();
		assertThat(json(send("PUT", "street", "/api/v1/party/ratings/" + year + "/scores/" + first, Map.of(codes.get(0), 101)), 422)
			.path("detail").asString()).contains("0 至 100");
		assertThat(json(send("POST", "street", "/api/v1/party/ratings/" + year + "/finalise", null), 422)
			.path("detail").asString()).contains("未填写完整");

		List<Long> rows = saved.path("rows").valueStream().map(r -> r.path("organisationId").asLong()).toList();
		int limit = saved.path("fiveStarLimit").asInt();
		assertThat(limit).isEqualTo(rows.size() / 10);
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> scores = new HashMap<>();
			BigDecimal score = i <= limit ? new BigDecimal("95") : new BigDecimal("75");
			allCodes.forEach(c -> scores.put(c, score));
			JsonNode row = json(send("PUT", "street", "/api/v1/party/ratings/" + year + "/scores/" + rows.get(i), scores), 200);
			assertThat(row.path("total").decimalValue()).isEqualByComparingTo(score);
			assertThat(row.path("suggestedStars").asInt()).isEqualTo(i <= limit ? 5 : 3);
		}
		JsonNode over = json(send("POST", "street", "/api/v1/party/ratings/" + year + "/finalise", null), 409);
		assertThat(over.path("detail").asString()).contains("不得超过参评总数的 10%").contains("现有 " + (limit + 1) + " 个");
		assertThat(json(send("PUT", "street", "/api/v1/party/ratings/" + year + "/stars/" + rows.get(0),
				Map.of("stars", 4)), 422).path("detail").asString()).contains("须填写原因");
		json(send("PUT", "street", "/api/v1/party/ratings/" + year + "/stars/" + rows.get(0),
				Map.of("stars", 4, "reason", "年中发生违纪问题")), 200);
		assertThat(json(send("PUT", "street", "/api/v1/party/ratings/" + year + "/stars/" + rows.get(rows.size() - 1),
				Map.of("stars", 5, "reason", "测试超额")), 409).path("detail").asString()).contains("名额已满");

		JsonNode done = json(send("POST", "street", "/api/v1/party/ratings/" + year + "/finalise", null), 200);
		assertThat(done.path("finalised").asBoolean()).isTrue();
		assertThat(done.path("fiveStarCount").asInt()).isEqualTo(limit);
		JsonNode history = json(send("GET", "leader", "/api/v1/party/ratings?year=" + year + "&organisationId=" + rows.get(0), null), 200);
		assertThat(history.path("total").asLong()).isEqualTo(1);
		assertThat(history.path("items").get(0).path("stars").asInt()).isEqualTo(4);
		assertThat(history.path("items").get(0).path("suggestedStars").asInt()).isEqualTo(5);
		assertThat(history.path("items").get(0).path("adjustReason").asString()).isEqualTo("年中发生违纪问题");
		assertThat(json(send("PUT", "street", "/api/v1/party/ratings/" + year + "/stars/" + rows.get(1),
				Map.of("stars", 3, "reason", "定稿后")), 409).path("detail").asString()).contains("已定稿");
		assertThat(jdbc.sql("select count(*) from identity.audit_log where action = 'party.rating.finalise' and target_id = :y")
			.param("y", String.valueOf(year)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theApiIsDocumented() {
		MvcTestResult docs = mvc.get().uri("/api/v1/openapi").exchange();
		assertThat(docs).bodyText().contains("/api/v1/party/meetings/{id}", "/api/v1/party/cadence",
				"/api/v1/party/ratings/{year}/finalise", "/api/v1/party/ratings");
	}

	private List<String> currentWarnings(long branch) {
		JsonNode cadence = json(send("GET", "community", "/api/v1/party/cadence?organisationId=" + branch, null), 200);
		List<String> messages = new ArrayList<>();
		for (JsonNode w : cadence.path("warnings")) {
			assertThat(w.path("organisationId").asLong()).isEqualTo(branch);
			if (w.path("current").asBoolean()) {
				messages.add(w.path("message").asString());
			}
		}
		return messages;
	}

	private long newBranch(String user, String area) {
		Map<String, Object> body = Map.of("kind", "BRANCH", "name", "测试组织生活党支部" + SEQ.incrementAndGet(),
				"areaCode", area, "termStart", TODAY.minusYears(1).toString(), "termEnd", TODAY.plusYears(2).toString());
		return json(send("POST", user, "/api/v1/party/organisations", body), 201).path("id").asLong();
	}

	private static Map<String, Object> meeting(long org, String kind, LocalDate day, int expected, int present) {
		Map<String, Object> m = new HashMap<>();
		m.put("organisationId", org);
		m.put("kind", kind);
		m.put("heldOn", day.toString());
		m.put("place", "党群服务中心");
		m.put("topic", "测试支委会" + SEQ.incrementAndGet());
		m.put("expected", expected);
		m.put("present", present);
		m.put("minutes", "研究本月工作");
		return m;
	}

	private long audits(String action, long id) {
		return jdbc.sql("select count(*) from identity.audit_log where action = :a and target_id = :id").param("a", action)
			.param("id", String.valueOf(id)).query(Long.class).single();
	}

	private MvcTestResult send(String method, String user, String uri, Object body) {
		var request = switch (method) {
			case "POST" -> mvc.post();
			case "PUT" -> mvc.put();
			case "DELETE" -> mvc.delete();
			default -> mvc.get();
		};
		var spec = request.uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, user)));
		if (body != null) {
			spec = spec.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
		}
		return spec.exchange();
	}

}
