package org.gongzhi.area.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.area.AreaAdministration;
import org.gongzhi.area.AreaFixtures;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.area.AreaFixtures.DEMO_COMMUNITY;
import static org.gongzhi.area.AreaFixtures.DEMO_GRID;
import static org.gongzhi.area.AreaFixtures.NEIGHBOUR_COMMUNITY;
import static org.gongzhi.area.AreaFixtures.TEST_STREET;
import static org.gongzhi.area.AreaFixtures.TEST_STREET_ADMIN;
import static org.gongzhi.area.AreaFixtures.codes;
import static org.gongzhi.area.AreaFixtures.collection;
import static org.gongzhi.area.AreaFixtures.feature;
import static org.gongzhi.area.AreaFixtures.geometry;
import static org.gongzhi.area.AreaFixtures.geometryOf;
import static org.gongzhi.area.AreaFixtures.json;
import static org.gongzhi.area.AreaFixtures.rectangle;
import static org.gongzhi.area.AreaFixtures.ring;

/**
 * Importing the grid polygons of a community (网格导入): any problem refuses the whole file with every offending
 * feature listed and nothing changed; a good file creates or updates the grids, which are located at once.
 */
@GongzhiTest
class GridImportApiTests {

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	/** Refused files are drawn south of every real grid, so only the problems planted in them count. */
	private static final double W = 116.90;

	private static final double S = 39.70;

	private static final double D = 0.002;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Areas areas;

	@Autowired
	AreaAdministration administration;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void testStreet() {
		AreaFixtures.ensureTestStreet(administration, accounts);
	}

	// refusals

	@Test
	void overlappingGridsAreRefusedNamingBoth() {
		String a = DEMO_COMMUNITY + "901";
		String b = DEMO_COMMUNITY + "902";

		JsonNode errors = refused("street", DEMO_COMMUNITY, collection(feature(a, "甲", rectangle(W, S, W + D, S + D)),
				feature(b, "乙", rectangle(W + D / 2, S + D / 2, W + 2 * D, S + 2 * D))));

		assertThat(features(errors)).containsExactly(0, 1);
		assertThat(errors).allSatisfy(e -> assertThat(e.path("field").asString()).isEqualTo("geometry"));
		assertThat(message(errors, 0)).contains(b);
		assertThat(message(errors, 1)).contains(a);
	}

	@Test
	void aSelfIntersectingBowTieIsRefused() {
		JsonNode errors = refused("street", DEMO_COMMUNITY,
				collection(feature(DEMO_COMMUNITY + "901", "蝴蝶结", ring(W, S, W + D, S + D, W, S + D, W + D, S, W, S)),
						feature(DEMO_COMMUNITY + "902", "正常", rectangle(W + 2 * D, S, W + 3 * D, S + D))));

		assertThat(features(errors)).containsExactly(0);
		assertThat(errors.get(0).path("code").asString()).isEqualTo(DEMO_COMMUNITY + "901");
		assertThat(errors.get(0).path("field").asString()).isEqualTo("geometry");
		assertThat(errors.get(0).path("message").asString()).containsIgnoringCase("intersection");
	}

	@Test
	void aCodeOfAnotherCommunityIsRefused() {
		JsonNode errors = refused("street", DEMO_COMMUNITY,
				collection(feature(NEIGHBOUR_COMMUNITY + "901", "别家", rectangle(W, S, W + D, S + D))));

		assertThat(features(errors)).containsExactly(0);
		assertThat(errors.get(0).path("field").asString()).isEqualTo("code");
		assertThat(errors.get(0).path("message").asString()).contains(DEMO_COMMUNITY);
	}

	@Test
	void duplicateCodesAreRefusedAtEveryOccurrence() {
		String code = DEMO_COMMUNITY + "901";

		JsonNode errors = refused("street", DEMO_COMMUNITY, collection(feature(code, "甲", rectangle(W, S, W + D, S + D)),
				feature(DEMO_COMMUNITY + "902", "乙", rectangle(W + D, S, W + 2 * D, S + D)),
				feature(code, "丙", rectangle(W + 2 * D, S, W + 3 * D, S + D))));

		assertThat(features(errors)).containsExactly(0, 2);
		assertThat(errors).allSatisfy(e -> {
			assertThat(e.path("field").asString()).isEqualTo("code");
			assertThat(e.path("message").asString()).contains(code);
		});
	}

	@Test
	void aGridWithoutANameIsRefused() {
		JsonNode errors = refused("street", DEMO_COMMUNITY,
				collection(feature(DEMO_COMMUNITY + "901", null, rectangle(W, S, W + D, S + D)),
						feature(DEMO_COMMUNITY + "902", "  ", rectangle(W + D, S, W + 2 * D, S + D))));

		assertThat(features(errors)).containsExactly(0, 1);
		assertThat(errors).allSatisfy(e -> assertThat(e.path("field").asString()).isEqualTo("name"));
	}

	@Test
	void aPointIsNoGridPolygon() {
		JsonNode errors = refused("street", DEMO_COMMUNITY,
				collection(feature(DEMO_COMMUNITY + "901", "点", geometry("Point", List.of(W, S)))));

		assertThat(features(errors)).containsExactly(0);
		assertThat(errors.get(0).path("field").asString()).isEqualTo("geometry");
		assertThat(errors.get(0).path("message").asString()).contains("Point");
	}

	@Test
	void aFileThatIsNoFeatureCollectionIsRefused() {
		JsonNode errors = refused("street", DEMO_COMMUNITY,
				Api.json(feature(DEMO_COMMUNITY + "901", "单个要素", rectangle(W, S, W + D, S + D))));
		assertThat(errors.size()).isEqualTo(1);
		assertThat(errors.get(0).path("message").asString()).contains("FeatureCollection");

		assertThat(refused("street", DEMO_COMMUNITY, "[]").size()).isEqualTo(1);
		assertThat(refused("street", DEMO_COMMUNITY, "{\"type\":\"FeatureCollection\",\"features\":[]}").size())
			.isEqualTo(1);
	}

	@Test
	void malformedJsonIsRefusedAsAProblemNotAnError() {
		String before = state();

		MvcTestResult result = importFile("street", DEMO_COMMUNITY,
				"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":");

		assertThat(result.getResponse().getStatus()).isIn(400, 422);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json(result).path("detail").asString()).isNotBlank();
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void aGridOverlappingAGridOfTheNeighbouringCommunityIsRefused() {
		Geometry demoGrid = geometryOf(json(ok("street", "/api/v1/grids/" + DEMO_GRID)).path("geometry"));
		Point p = demoGrid.getInteriorPoint();
		double e = 0.0001;
		var intruder = rectangle(p.getX() - e, p.getY() - e, p.getX() + e, p.getY() + e);
		assertThat(demoGrid.contains(geometryOf(json(Api.json(intruder))))).as("precondition").isTrue();

		JsonNode errors = refused("street", NEIGHBOUR_COMMUNITY,
				collection(feature(NEIGHBOUR_COMMUNITY + "901", "越界", intruder)));

		assertThat(features(errors)).containsExactly(0);
		assertThat(errors.get(0).path("field").asString()).isEqualTo("geometry");
		assertThat(errors.get(0).path("message").asString()).contains(DEMO_GRID);
		assertThat(json(ok("resident", locate(p.getX(), p.getY()))).path("gridCode").asString()).isEqualTo(DEMO_GRID);
	}

	@Test
	void aFileWithManyProblemsListsEveryOffendingFeature() {
		String c = DEMO_COMMUNITY;
		JsonNode errors = refused("street", c, collection(
				feature(c + "901", "合格", rectangle(W, S, W + D, S + D)),
				feature(c + "902", "蝴蝶结", ring(W + D, S, W + 2 * D, S + D, W + D, S + D, W + 2 * D, S, W + D, S)),
				feature(NEIGHBOUR_COMMUNITY + "903", "别家", rectangle(W + 2 * D, S, W + 3 * D, S + D)),
				feature(c + "904", null, rectangle(W + 3 * D, S, W + 4 * D, S + D)),
				feature(c + "905", "点", geometry("Point", List.of(W, S + 3 * D))),
				feature(c + "906", "重叠甲", rectangle(W, S + 4 * D, W + D, S + 5 * D)),
				feature(c + "907", "重叠乙", rectangle(W + D / 2, S + 4 * D, W + 2 * D, S + 5 * D)),
				feature(c + "908", "重复甲", rectangle(W + 3 * D, S + 4 * D, W + 4 * D, S + 5 * D)),
				feature(c + "908", "重复乙", rectangle(W + 5 * D, S + 4 * D, W + 6 * D, S + 5 * D)),
				feature("12345", "坏编码", rectangle(W + 7 * D, S + 4 * D, W + 8 * D, S + 5 * D)),
				feature(c + "911", "超出经纬度", rectangle(190, S, 191, S + D))));

		assertThat(features(errors)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(json(areasBefore()).toString()).doesNotContain(c + "901");
		assertThat(get("street", "/api/v1/areas/" + c + "901")).hasStatus(404);
		assertThat(get("resident", locate(W + D / 2, S + D / 2))).hasStatus(404);
	}

	// who may import

	@Test
	void onlyStreetAndSystemAdministratorsMayImport() {
		String file = collection(feature(DEMO_COMMUNITY + "901", "甲", rectangle(W, S, W + D, S + D)));
		String before = state();

		for (String user : List.of("community", "grid", "secretary", "clerk", "leader", "resident")) {
			MvcTestResult result = importFile(user, DEMO_COMMUNITY, file);
			assertThat(result).as(user).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(json(result).path("detail").asString()).contains("街道管理员");
		}
		assertThat(importFile("street", TEST_STREET + "001", file)).as("community outside the street admin's scope")
			.hasStatus(404);
		assertThat(importFile("street", DEMO_GRID, file)).as("a grid is no community").hasStatus(404);
		assertThat(mvc.post().uri("/api/v1/grids/import").header(HttpHeaders.AUTHORIZATION, Api.bearer(token("street")))
			.contentType(MediaType.APPLICATION_JSON).content(file).exchange()).hasStatus(400);
		assertThat(mvc.post().uri("/api/v1/grids/import?communityCode=" + DEMO_COMMUNITY)
			.contentType(MediaType.APPLICATION_JSON).content(file).exchange()).hasStatus(401);
		assertThat(state()).isEqualTo(before);
	}

	// successful imports

	@Test
	void anImportCreatesGridsThatAreLocatedAtOnceAndReportsGaps() {
		String community = TEST_STREET + "001";
		AreaFixtures.ensureCommunity(administration, accounts, community, "测试一社区", 116.60, 39.80, 0.01);
		String g1 = community + "001";
		String g2 = community + "002";
		long audited = auditCount(community);

		JsonNode report = json(ok(importFile(TEST_STREET_ADMIN, community,
				collection(feature(g1, "一网格", rectangle(116.600, 39.800, 116.605, 39.810)),
						feature(g2, "二网格", rectangle(116.605, 39.800, 116.610, 39.805))))));

		assertThat(report.path("communityCode").asString()).isEqualTo(community);
		assertThat(report.path("features").asInt()).isEqualTo(2);
		assertThat(strings(report.path("created"))).containsExactly(g1, g2);
		assertThat(strings(report.path("updated"))).isEmpty();
		assertThat(report.path("warnings").size()).isZero();
		assertThat(report.path("gaps").size()).as("the north-east quarter is uncovered").isEqualTo(1);
		JsonNode gap = report.path("gaps").get(0);
		assertThat(gap.path("lng").asDouble()).isBetween(116.605, 116.610);
		assertThat(gap.path("lat").asDouble()).isBetween(39.805, 39.810);
		assertThat(gap.path("areaSquareMetres").asDouble()).isBetween(200_000.0, 260_000.0);

		JsonNode first = json(ok("resident", locate(116.602, 39.805)));
		assertThat(first.path("gridCode").asString()).isEqualTo(g1);
		assertThat(first.path("gridName").asString()).isEqualTo("一网格");
		assertThat(first.path("communityCode").asString()).isEqualTo(community);
		assertThat(first.path("communityName").asString()).isEqualTo("测试一社区");
		assertThat(first.path("streetCode").asString()).isEqualTo(TEST_STREET);
		assertThat(json(ok("resident", locate(116.608, 39.802))).path("gridCode").asString()).isEqualTo(g2);
		assertThat(get("resident", locate(116.608, 39.808))).as("in the gap").hasStatus(404);

		JsonNode tree = json(ok(TEST_STREET_ADMIN, "/api/v1/areas/tree"));
		assertThat(tree.get(0).path("code").asString()).isEqualTo(TEST_STREET);
		JsonNode node = byCode(tree.get(0).path("children"), community);
		assertThat(codes(node.path("children"))).containsExactly(g1, g2);
		assertThat(json(ok(TEST_STREET_ADMIN, "/api/v1/grids/" + g2)).path("geometry").path("type").asString())
			.isEqualTo("Polygon");

		assertThat(auditCount(community)).isEqualTo(audited + 1);
		Map<String, Object> entry = jdbc.sql("""
				select actor, target_type, detail from identity.audit_log
				 where action = 'grid.import' and target_id = :c order by id desc limit 1
				""").param("c", community).query().singleRow();
		assertThat(entry.get("actor")).isEqualTo(TEST_STREET_ADMIN);
		assertThat(entry.get("target_type")).isEqualTo("community");
		assertThat((String) entry.get("detail")).contains(g1, g2);

		// re-import: the first grid shrinks, the second takes the rest and a new name; the locator follows at once
		JsonNode again = json(ok(importFile(TEST_STREET_ADMIN, community,
				collection(feature(g1, "一网格", rectangle(116.600, 39.800, 116.603, 39.810)),
						feature(g2, "二网格（扩）", rectangle(116.603, 39.800, 116.610, 39.810))))));

		assertThat(strings(again.path("created"))).isEmpty();
		assertThat(strings(again.path("updated"))).containsExactlyInAnyOrder(g1, g2);
		assertThat(again.path("gaps").size()).as("now fully covered").isZero();
		JsonNode moved = json(ok("resident", locate(116.604, 39.805)));
		assertThat(moved.path("gridCode").asString()).as("this point belonged to %s before", g1).isEqualTo(g2);
		assertThat(moved.path("gridName").asString()).isEqualTo("二网格（扩）");
		assertThat(json(ok("resident", locate(116.608, 39.808))).path("gridCode").asString()).isEqualTo(g2);
		assertThat(json(ok("resident", locate(116.601, 39.805))).path("gridCode").asString()).isEqualTo(g1);
		assertThat(areas.find(g2).orElseThrow().name()).isEqualTo("二网格（扩）");

		// re-import changing only the second grid's name: only that grid counts as updated
		JsonNode renamed = json(ok(importFile(TEST_STREET_ADMIN, community,
				collection(feature(g1, "一网格", rectangle(116.600, 39.800, 116.603, 39.810)),
						feature(g2, "二网格", rectangle(116.603, 39.800, 116.610, 39.810))))));

		assertThat(strings(renamed.path("updated"))).containsExactly(g2);
		assertThat(json(ok("resident", locate(116.604, 39.805))).path("gridName").asString()).isEqualTo("二网格");
		assertThat(auditCount(community)).isEqualTo(audited + 3);
	}

	@Test
	void aGridReachingOutOfItsCommunityIsImportedWithAWarning() {
		String community = TEST_STREET + "002";
		AreaFixtures.ensureCommunity(administration, accounts, community, "测试二社区", 116.62, 39.80, 0.01);
		String grid = community + "001";

		JsonNode report = json(ok(importFile("admin", community,
				collection(feature(grid, "越界网格", rectangle(116.62, 39.80, 116.635, 39.81))))));

		assertThat(strings(report.path("created"))).containsExactly(grid);
		assertThat(report.path("warnings").size()).isEqualTo(1);
		assertThat(report.path("warnings").get(0).asString()).contains(grid);
		assertThat(report.path("gaps").size()).isZero();
		assertThat(json(ok("resident", locate(116.625, 39.805))).path("gridCode").asString()).isEqualTo(grid);
	}

	// helpers

	/** Posts a refused file and checks the problem and that nothing changed; answers the problem's errors. */
	private JsonNode refused(String user, String community, String file) {
		String before = state();

		MvcTestResult result = importFile(user, community, file);

		assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json(result);
		assertThat(problem.path("status").asInt()).isEqualTo(422);
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(problem.path("errors").isArray()).isTrue();
		assertThat(problem.path("errors").size()).isPositive();
		assertThat(state()).as("nothing changed").isEqualTo(before);
		return problem.path("errors");
	}

	/** What a refused import must leave untouched: the whole area tree, every row and polygon, the index, the log. */
	private String state() {
		return areasBefore() + "\n" + jdbc.sql("""
				select (select count(*) from area.area) || '/' || (select count(*) from area.boundary) || '/'
				    || coalesce((select max(updated_at)::text from area.boundary), '') || '/'
				    || coalesce((select max(updated_at)::text from area.area), '') || '/'
				    || (select version from area.grid_index_version) || '/'
				    || (select count(*) from identity.audit_log where action = 'grid.import')
				""").query(String.class).single();
	}

	private String areasBefore() {
		return AreaFixtures.body(ok("admin", "/api/v1/areas/tree"));
	}

	private long auditCount(String community) {
		return jdbc.sql("select count(*) from identity.audit_log where action = 'grid.import' and target_id = :c")
			.param("c", community).query(Long.class).single();
	}

	private static List<Integer> features(JsonNode errors) {
		Set<Integer> indexes = new TreeSet<>();
		for (JsonNode e : errors) {
			indexes.add(e.path("feature").asInt());
		}
		return new ArrayList<>(indexes);
	}

	private static String message(JsonNode errors, int feature) {
		for (JsonNode e : errors) {
			if (e.path("feature").asInt() == feature) {
				return e.path("message").asString();
			}
		}
		throw new AssertionError("no error for feature " + feature);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

	private static JsonNode byCode(JsonNode nodes, String code) {
		for (JsonNode n : nodes) {
			if (n.path("code").asString().equals(code)) {
				return n;
			}
		}
		throw new AssertionError(code + " not in " + nodes);
	}

	private static String locate(double lng, double lat) {
		return "/api/v1/grids/locate?lng=" + lng + "&lat=" + lat;
	}

	private MvcTestResult importFile(String user, String community, String file) {
		return mvc.post().uri("/api/v1/grids/import?communityCode=" + community)
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(token(user))).contentType(MediaType.APPLICATION_JSON)
			.content(file).exchange();
	}

	private MvcTestResult get(String user, String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(token(user))).exchange();
	}

	private MvcTestResult ok(String user, String uri) {
		return ok(get(user, uri));
	}

	private static MvcTestResult ok(MvcTestResult result) {
		assertThat(result).as(AreaFixtures.body(result)).hasStatusOk();
		return result;
	}

	private String token(String user) {
		return TOKENS.computeIfAbsent(user, u -> Api.token(mvc, u));
	}

}
