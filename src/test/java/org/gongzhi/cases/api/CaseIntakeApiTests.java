package org.gongzhi.cases.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.Areas;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.cases.api.CaseClient.COMMUNITY;
import static org.gongzhi.cases.api.CaseClient.GRID;
import static org.gongzhi.cases.api.CaseClient.body;
import static org.gongzhi.cases.api.CaseClient.caseAt;
import static org.gongzhi.cases.api.CaseClient.caseAtAddress;
import static org.gongzhi.cases.api.CaseClient.json;
import static org.gongzhi.cases.api.CaseClient.ok;
import static org.gongzhi.cases.api.CaseClient.offset;
import static org.gongzhi.cases.api.CaseClient.strings;

/**
 * Intake through {@code POST /api/v1/cases}: where a case is located and who it is routed to (and why), what is
 * refused, that retries with an Idempotency-Key file one case, and which open cases nearby are suggested as
 * duplicates.
 */
@GongzhiTest
class CaseIntakeApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Areas areas;

	CaseClient cases;

	@BeforeEach
	void client() {
		cases = new CaseClient(mvc);
	}

	// routing

	@Test
	void exposedRubbishGoesToTheGridThePointLiesIn() {
		String gridName = ok(cases.get("admin", "/api/v1/grids/" + GRID)).path("properties").path("name").asString();

		JsonNode c = cases.report("clerk", caseAt("0102", cases.pointIn(GRID), "路口暴露垃圾")).path("case");

		assertThat(c.path("unitType").asString()).isEqualTo("GRID");
		assertThat(c.path("unitCode").asString()).isEqualTo(GRID);
		assertThat(c.path("unitName").asString()).isEqualTo(gridName);
		assertThat(c.path("gridCode").asString()).isEqualTo(GRID);
		assertThat(c.path("communityCode").asString()).isEqualTo(COMMUNITY);
		assertThat(c.path("streetCode").asString()).isEqualTo(CaseClient.STREET);
		assertThat(c.path("channel").asString()).isEqualTo("HOTLINE");
		assertThat(c.path("routeNote").asString()).isEqualTo(
				"类别「暴露垃圾」默认由网格办理（小事不出格）；坐标定位到网格「" + gridName + "」");
	}

	@Test
	void illegalBuildingGoesToTheLawEnforcementDepartment() {
		String otherGrid = "110199001003001";
		JsonNode c = cases.report("clerk", caseAt("0101", cases.pointIn(otherGrid), "楼顶私搭乱建")).path("case");

		assertThat(c.path("unitType").asString()).isEqualTo("DEPARTMENT");
		assertThat(c.path("unitCode").asString()).isEqualTo("CGZF");
		assertThat(c.path("unitName").asString()).isEqualTo("城管执法队");
		assertThat(c.path("gridCode").asString()).as("still located").isEqualTo(otherGrid);
		assertThat(c.path("routeNote").asString()).isEqualTo("类别「私搭乱建」默认由职能部门办理：城管执法队");
	}

	@Test
	void propertyServiceComplaintsGoToTheCommunity() {
		String grid = "110199001002001";
		String community = grid.substring(0, 12);
		String name = ok(cases.get("admin", "/api/v1/areas/" + community)).path("name").asString();

		JsonNode c = cases.report("clerk", caseAt("0603", cases.pointIn(grid), "物业不作为，电梯长期故障")).path("case");

		assertThat(c.path("unitType").asString()).isEqualTo("COMMUNITY");
		assertThat(c.path("unitCode").asString()).isEqualTo(community);
		assertThat(c.path("unitName").asString()).isEqualTo(name);
		assertThat(c.path("routeNote").asString()).startsWith("类别「物业服务」默认由社区办理；").endsWith("「" + name + "」");
		assertThat(Duration.between(Instant.parse(c.path("receivedAt").asString()),
				Instant.parse(c.path("deadline").asString()))).as("15 working days: more than 18 calendar days")
			.isBetween(Duration.ofDays(18), Duration.ofDays(40));
	}

	@Test
	void anAddressNamingACommunityAndABuildingGoesToTheBuildingsGrid() {
		JsonNode community = ok(cases.get("admin", "/api/v1/areas/110199001004"));
		String shortName = community.path("name").asString().replace("社区", "");
		Map<String, String> gridOfBuilding = new HashMap<>();
		Set<String> repeated = new HashSet<>();
		for (JsonNode grid : ok(cases.get("admin", "/api/v1/areas/110199001004/children"))) {
			for (JsonNode building : ok(cases.get("admin", "/api/v1/areas/" + grid.path("code").asString()
					+ "/children"))) {
				String name = building.path("name").asString();
				if (gridOfBuilding.put(name, grid.path("code").asString()) != null) {
					repeated.add(name);
				}
			}
		}
		String building = gridOfBuilding.keySet().stream().filter(n -> !repeated.contains(n))
			.filter(n -> n.matches("\\d+号楼")).sorted().findFirst().orElseThrow();
		String address = shortName + "社区" + building;

		JsonNode c = cases.report("clerk", caseAtAddress("0102", address, "楼下垃圾无人清理")).path("case");

		assertThat(c.path("gridCode").asString()).isEqualTo(gridOfBuilding.get(building));
		assertThat(c.path("unitType").asString()).isEqualTo("GRID");
		assertThat(c.path("unitCode").asString()).isEqualTo(gridOfBuilding.get(building));
		assertThat(c.path("address").asString()).isEqualTo(address);
		assertThat(c.path("lng").isNull()).isTrue();
		assertThat(c.path("routeNote").asString()).contains("地址匹配到楼栋「" + building + "」所在网格");
	}

	@Test
	void aPointOutsideEveryGridGoesToTheStreet() {
		double[] nowhere = { 116.30, 39.80 };
		assertThat(areas.locate(nowhere[0], nowhere[1])).isEmpty();

		JsonNode c = cases.report("clerk", caseAt("0102", nowhere, "郊外垃圾")).path("case");

		assertThat(c.path("gridCode").isNull()).isTrue();
		assertThat(c.path("communityCode").isNull()).isTrue();
		if (areas.ofLevel(AreaLevel.STREET).size() == 1) {
			assertThat(c.path("unitType").asString()).isEqualTo("STREET");
			assertThat(c.path("unitCode").asString()).isEqualTo(CaseClient.STREET);
			assertThat(c.path("unitName").asString()).isEqualTo("和平街道");
			assertThat(c.path("routeNote").asString()).isEqualTo("类别「暴露垃圾」默认由网格办理，但坐标不在任何网格内，改由街道派遣");
		}
		else {
			assertThat(c.path("unitType").isNull()).as("several streets: a dispatcher decides").isTrue();
			assertThat(c.path("routeNote").asString()).endsWith("坐标不在任何网格内，待人工派遣");
		}
	}

	@Test
	void emergenciesHaveTwoNaturalHours() {
		JsonNode c = cases.report("clerk", caseAt("0402", cases.pointIn(GRID), "自来水管破裂，路面冒水")).path("case");
		assertThat(Duration.between(Instant.parse(c.path("receivedAt").asString()),
				Instant.parse(c.path("deadline").asString()))).isEqualTo(Duration.ofHours(2));
		assertThat(c.path("unitCode").asString()).isEqualTo("SZSR");
	}

	// refusals

	@Test
	void anInvalidReportIsA400ProblemNamingEveryField() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("categoryCode", "");
		body.put("description", " ");
		body.put("lng", 200);
		body.put("lat", 95);
		body.put("reporterPhone", "12345");
		body.put("address", "长".repeat(301));

		MvcTestResult result = cases.post("clerk", "/api/v1/cases", body);

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode problem = json(result);
		assertThat(problem.path("errors")).extracting(e -> e.path("field").asString())
			.containsExactlyInAnyOrder("categoryCode", "description", "lng", "lat", "reporterPhone", "address");
		assertThat(problem.path("errors")).allSatisfy(e -> assertThat(e.path("message").asString()).isNotBlank());
		assertThat(cases.post("clerk", "/api/v1/cases", "not json").getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void anUnknownOrMajorCategoryOrAMissingPlaceIsA422Problem() {
		MvcTestResult unknown = cases.post("clerk", "/api/v1/cases", caseAt("9999", cases.pointIn(GRID), "未知类别"));
		assertThat(unknown.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(unknown).path("errors").get(0).path("field").asString()).isEqualTo("categoryCode");

		MvcTestResult major = cases.post("clerk", "/api/v1/cases", caseAt("01", cases.pointIn(GRID), "大类"));
		assertThat(major.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(major).path("errors").get(0).path("field").asString()).isEqualTo("categoryCode");

		Map<String, Object> nowhere = caseAt("0102", cases.pointIn(GRID), "没有位置");
		nowhere.remove("lng");
		nowhere.remove("lat");
		MvcTestResult noPlace = cases.post("clerk", "/api/v1/cases", nowhere);
		assertThat(noPlace.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(noPlace).path("errors").get(0).path("field").asString()).isEqualTo("lng");

		Map<String, Object> half = caseAt("0102", cases.pointIn(GRID), "只有经度");
		half.remove("lat");
		half.put("address", "某处");
		assertThat(cases.post("clerk", "/api/v1/cases", half).getResponse().getStatus()).isEqualTo(422);
		assertThat(countByDescription("未知类别") + countByDescription("大类") + countByDescription("没有位置")
				+ countByDescription("只有经度")).as("nothing filed").isZero();
	}

	@Test
	void reportingNeedsASignedInUser() {
		MvcTestResult anonymous = mvc.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.content("{\"categoryCode\":\"0102\",\"description\":\"x\",\"address\":\"y\"}").exchange();
		assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
	}

	// idempotency

	@Test
	void aRetryWithTheSameIdempotencyKeyAnswersTheFirstCase() {
		String key = UUID.randomUUID().toString();
		String description = "幂等重试 " + key;
		Map<String, Object> body = caseAt("0102", cases.pointIn(GRID), description);

		MvcTestResult first = cases.post("resident", "/api/v1/cases", body, key);
		MvcTestResult retry = cases.post("resident", "/api/v1/cases", body, key);

		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		assertThat(retry.getResponse().getStatus()).isEqualTo(201);
		assertThat(json(retry).path("caseNo").asString()).isEqualTo(json(first).path("caseNo").asString());
		assertThat(countByDescription(description)).isEqualTo(1);

		MvcTestResult otherUser = cases.post("clerk", "/api/v1/cases", body, key);
		assertThat(json(otherUser).path("caseNo").asString()).as("keys are per caller")
			.isNotEqualTo(json(first).path("caseNo").asString());
		assertThat(countByDescription(description)).isEqualTo(2);

		MvcTestResult noKey = cases.post("resident", "/api/v1/cases", body);
		assertThat(json(noKey).path("caseNo").asString()).isNotEqualTo(json(first).path("caseNo").asString());
		assertThat(countByDescription(description)).isEqualTo(3);

		assertThat(cases.post("resident", "/api/v1/cases", body, "k".repeat(201)).getResponse().getStatus())
			.isEqualTo(422);
	}

	@Test
	void tenConcurrentRequestsWithOneKeyFileOneCase() throws Exception {
		String key = UUID.randomUUID().toString();
		String description = "并发重试 " + key;
		Map<String, Object> body = caseAt("0102", cases.pointIn(GRID), description);
		cases.token("resident");
		ExecutorService pool = Executors.newFixedThreadPool(10);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MvcTestResult>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < 10; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return cases.post("resident", "/api/v1/cases", body, key);
				}));
			}
			start.countDown();
			Set<String> caseNos = new HashSet<>();
			for (Future<MvcTestResult> f : futures) {
				MvcTestResult result = f.get(60, TimeUnit.SECONDS);
				assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(201);
				caseNos.add(json(result).path("caseNo").asString());
			}
			assertThat(caseNos).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(countByDescription(description)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from cases.case_event e join cases.case_record r on r.id = e.case_id "
				+ "where r.description = :d").param("d", description).query(Long.class).single())
			.as("one timeline entry").isEqualTo(1);
	}

	@Test
	void reportsArrivingTogetherAreEachFiledOnceWithTheirOwnTimelineAndAuditEntry() throws Exception {
		String tag = "同时受理 " + UUID.randomUUID().toString().substring(0, 8);
		cases.token("clerk");
		ExecutorService pool = Executors.newFixedThreadPool(24);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MvcTestResult>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < 24; i++) {
				Map<String, Object> body = caseAt("0102", cases.pointIn(GRID), tag + " 第" + i + "件");
				futures.add(pool.submit(() -> {
					start.await();
					return cases.post("clerk", "/api/v1/cases", body, null);
				}));
			}
			start.countDown();
			Map<String, String> numberByDescription = new HashMap<>();
			for (Future<MvcTestResult> f : futures) {
				MvcTestResult result = f.get(60, TimeUnit.SECONDS);
				assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(201);
				JsonNode answer = json(result);
				numberByDescription.put(answer.path("case").path("description").asString(),
						answer.path("caseNo").asString());
			}
			assertThat(numberByDescription).hasSize(24);
			assertThat(new HashSet<>(numberByDescription.values())).hasSize(24);
			for (Map.Entry<String, String> e : numberByDescription.entrySet()) {
				assertThat(jdbc.sql("select description from cases.case_record where case_no = :no")
					.param("no", e.getValue()).query(String.class).single()).isEqualTo(e.getKey());
				assertThat(jdbc.sql("""
						select count(*) from cases.case_event ev join cases.case_record r on r.id = ev.case_id
						 where r.case_no = :no and ev.action = 'accept'
						""").param("no", e.getValue()).query(Long.class).single()).isEqualTo(1);
				assertThat(jdbc.sql("""
						select actor from identity.audit_log where action = 'case.accept' and target_id = :no
						""").param("no", e.getValue()).query(String.class).list()).containsExactly("clerk");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long countByDescription(String description) {
		return jdbc.sql("select count(*) from cases.case_record where description = :d").param("d", description)
			.query(Long.class).single();
	}

	// duplicates

	@Test
	void openCasesOfTheSameCategoryWithin100MetresAreSuggestedAsDuplicates() {
		double[] here = offset(cases.pointIn("110199001005001"), 7, -9);
		String first = cases.reportNo("clerk", caseAt("1303", here, "垃圾分类驿站满溢"));

		JsonNode near = cases.report("clerk", caseAt("1303", offset(here, 60, 40), "驿站垃圾满了"));
		assertThat(strings(near.path("possibleDuplicates"))).contains(first);
		JsonNode detail = cases.detail("clerk", near.path("caseNo").asString());
		assertThat(detail.path("possibleDuplicates")).extracting(d -> d.path("caseNo").asString()).contains(first);

		JsonNode far = cases.report("clerk", caseAt("1303", offset(here, 0, 130), "另一处驿站满溢"));
		assertThat(strings(far.path("possibleDuplicates"))).doesNotContain(first);

		JsonNode otherKind = cases.report("clerk", caseAt("0102", offset(here, 5, 5), "驿站旁暴露垃圾"));
		assertThat(strings(otherKind.path("possibleDuplicates"))).doesNotContain(first);

		cases.act("street", first, "void", Map.of("note", "测试作废"));
		JsonNode afterVoid = cases.report("clerk", caseAt("1303", offset(here, 10, 0), "驿站又满了"));
		assertThat(strings(afterVoid.path("possibleDuplicates"))).as("only open cases").doesNotContain(first);
	}

}
