package org.gongzhi.area.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.Areas;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.area.AreaFixtures.DEMO_COMMUNITY;
import static org.gongzhi.area.AreaFixtures.DEMO_GRID;
import static org.gongzhi.area.AreaFixtures.DEMO_STREET;
import static org.gongzhi.area.AreaFixtures.NEIGHBOUR_COMMUNITY;
import static org.gongzhi.area.AreaFixtures.codes;
import static org.gongzhi.area.AreaFixtures.geometryOf;
import static org.gongzhi.area.AreaFixtures.json;

/**
 * The area API as its callers see it: every answer is cut to the caller's data scope, areas outside it look exactly
 * like areas that do not exist, and points are located to the grid they lie in.
 */
@GongzhiTest
class AreaApiTests {

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Areas areas;

	// tree

	@Test
	void streetAdministratorSeesTheStreetWithItsSixCommunitiesAndTheirGrids() {
		JsonNode tree = json(ok("street", "/api/v1/areas/tree"));

		assertThat(tree.size()).isEqualTo(1);
		JsonNode street = tree.get(0);
		assertThat(street.path("code").asString()).isEqualTo(DEMO_STREET);
		assertThat(street.path("name").asString()).isEqualTo("和平街道");
		assertThat(street.path("level").asString()).isEqualTo("STREET");
		assertThat(codes(street.path("children"))).containsExactly("110199001001", "110199001002", "110199001003",
				"110199001004", "110199001005", "110199001006");
		int grids = 0;
		for (JsonNode community : street.path("children")) {
			assertThat(community.path("level").asString()).isEqualTo("COMMUNITY");
			assertThat(community.path("name").asString()).isNotBlank();
			assertThat(community.path("children").size()).as("grids of %s", community.path("code")).isPositive();
			for (JsonNode grid : community.path("children")) {
				assertThat(grid.path("level").asString()).isEqualTo("GRID");
				assertThat(grid.path("code").asString()).hasSize(15).startsWith(community.path("code").asString());
				assertThat(grid.path("children").size()).as("the tree stops at grids").isZero();
				grids++;
			}
		}
		assertThat(grids).isEqualTo(areas.count(DEMO_STREET, AreaLevel.GRID)).isBetween(30, 80);
	}

	@Test
	void communityStaffSeeExactlyTheirCommunityAndItsGrids() {
		JsonNode tree = json(ok("community", "/api/v1/areas/tree"));

		assertThat(tree.size()).isEqualTo(1);
		assertThat(tree.get(0).path("code").asString()).isEqualTo(DEMO_COMMUNITY);
		assertThat(tree.get(0).path("level").asString()).isEqualTo("COMMUNITY");
		List<String> grids = codes(tree.get(0).path("children"));
		assertThat(grids).isNotEmpty().allSatisfy(c -> assertThat(c).hasSize(15).startsWith(DEMO_COMMUNITY));
		assertThat(grids).hasSize((int) areas.count(DEMO_COMMUNITY, AreaLevel.GRID));
		assertThat(allCodes(tree)).allSatisfy(c -> assertThat(c).startsWith(DEMO_COMMUNITY));
	}

	@Test
	void gridWorkerSeesJustTheirGrid() {
		JsonNode tree = json(ok("grid", "/api/v1/areas/tree"));

		assertThat(tree.size()).isEqualTo(1);
		assertThat(tree.get(0).path("code").asString()).isEqualTo(DEMO_GRID);
		assertThat(tree.get(0).path("level").asString()).isEqualTo("GRID");
		assertThat(tree.get(0).path("children").size()).isZero();
	}

	@Test
	void residentsWithoutAScopeSeeAnEmptyTree() {
		JsonNode tree = json(ok("resident", "/api/v1/areas/tree"));

		assertThat(tree.isArray()).isTrue();
		assertThat(tree.size()).isZero();
	}

	// children

	@Test
	void childrenLeadFromTheCommunityDownToSingleRooms() {
		JsonNode grids = json(ok("community", "/api/v1/areas/" + DEMO_COMMUNITY + "/children"));
		assertThat(grids.size()).isPositive();
		assertThat(grids).allSatisfy(g -> assertThat(g.path("level").asString()).isEqualTo("GRID"));

		JsonNode buildings = json(ok("community", "/api/v1/areas/" + grids.get(0).path("code").asString() + "/children"));
		assertThat(buildings.size()).isPositive();
		assertThat(buildings).allSatisfy(b -> {
			assertThat(b.path("level").asString()).isEqualTo("BUILDING");
			assertThat(b.path("name").asString()).matches("\\d+号楼");
			assertThat(b.path("code").asString()).hasSize(18).startsWith(grids.get(0).path("code").asString());
		});

		String building = buildings.get(0).path("code").asString();
		JsonNode units = json(ok("community", "/api/v1/areas/" + building + "/children"));
		assertThat(units.size()).isPositive();
		assertThat(units).allSatisfy(u -> {
			assertThat(u.path("level").asString()).isEqualTo("UNIT");
			assertThat(u.path("name").asString()).matches("\\d+单元");
			assertThat(u.path("code").asString()).hasSize(20).startsWith(building);
		});

		String unit = units.get(0).path("code").asString();
		JsonNode rooms = json(ok("community", "/api/v1/areas/" + unit + "/children"));
		assertThat(rooms.size()).isPositive();
		assertThat(rooms).allSatisfy(r -> {
			assertThat(r.path("level").asString()).isEqualTo("ROOM");
			assertThat(r.path("name").asString()).matches("\\d{3,4}");
			assertThat(r.path("code").asString()).hasSize(24).startsWith(unit);
		});

		String room = rooms.get(0).path("code").asString();
		assertThat(json(ok("community", "/api/v1/areas/" + room + "/children")).size()).isZero();
		assertThat(json(ok("community", "/api/v1/areas/" + room)).path("level").asString()).isEqualTo("ROOM");
	}

	@Test
	void gridWorkerMayWalkTheBuildingsOfTheirOwnGrid() {
		JsonNode buildings = json(ok("grid", "/api/v1/areas/" + DEMO_GRID + "/children"));

		assertThat(buildings.size()).isPositive();
		assertThat(codes(buildings)).allSatisfy(c -> assertThat(c).startsWith(DEMO_GRID));
	}

	@Test
	void areasOutsideTheScopeAreAnsweredLikeAreasThatDoNotExist() {
		String gridElsewhere = firstGridOf(NEIGHBOUR_COMMUNITY);
		for (String code : List.of(NEIGHBOUR_COMMUNITY, DEMO_STREET, "110199", gridElsewhere, gridElsewhere + "001")) {
			assertNotFound(get("community", "/api/v1/areas/" + code + "/children"), code);
			assertNotFound(get("community", "/api/v1/areas/" + code), code);
		}
		for (String code : List.of(DEMO_COMMUNITY + "999", "999999999", "abc")) {
			assertNotFound(get("community", "/api/v1/areas/" + code + "/children"), code);
		}
		String sibling = otherGridOf(DEMO_COMMUNITY);
		assertNotFound(get("grid", "/api/v1/areas/" + sibling + "/children"), sibling);
		assertNotFound(get("grid", "/api/v1/areas/" + DEMO_COMMUNITY + "/children"), DEMO_COMMUNITY);
		assertNotFound(get("resident", "/api/v1/areas/" + DEMO_STREET + "/children"), DEMO_STREET);

		String outside = json(get("community", "/api/v1/areas/" + NEIGHBOUR_COMMUNITY)).path("detail").asString();
		String missing = json(get("community", "/api/v1/areas/" + DEMO_COMMUNITY + "999")).path("detail").asString();
		assertThat(outside.replace(NEIGHBOUR_COMMUNITY, "#")).as("no hint whether it exists")
			.isEqualTo(missing.replace(DEMO_COMMUNITY + "999", "#"));
	}

	@Test
	void theAreaApiNeedsASignedInCaller() {
		MvcTestResult result = mvc.get().uri("/api/v1/areas/tree").exchange();

		assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	// grids as GeoJSON

	@Test
	void aGridInScopeIsAGeoJsonFeatureWithItsPolygonAndPeople() {
		JsonNode feature = json(ok("community", "/api/v1/grids/" + DEMO_GRID));

		assertThat(feature.path("type").asString()).isEqualTo("Feature");
		assertThat(feature.path("geometry").path("type").asString()).isEqualTo("Polygon");
		JsonNode ring = feature.path("geometry").path("coordinates").get(0);
		assertThat(ring.size()).isGreaterThanOrEqualTo(4);
		assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
		assertThat(ring.get(0).get(0).asDouble()).isBetween(116.3, 116.5);
		assertThat(ring.get(0).get(1).asDouble()).isBetween(39.9, 40.0);
		JsonNode properties = feature.path("properties");
		assertThat(properties.path("code").asString()).isEqualTo(DEMO_GRID);
		assertThat(properties.path("name").asString()).isEqualTo(areas.find(DEMO_GRID).orElseThrow().name());
		assertThat(properties.path("communityCode").asString()).isEqualTo(DEMO_COMMUNITY);
		assertThat(properties.path("communityName").asString())
			.isEqualTo(areas.find(DEMO_COMMUNITY).orElseThrow().name());
		assertThat(properties.path("workers").toString()).contains("张伟（网格员）", "GRID_WORKER_FULL");
		assertThat(geometryOf(feature.path("geometry")).isValid()).isTrue();
	}

	@Test
	void aGridOutsideTheScopeIsNotFound() {
		String gridElsewhere = firstGridOf(NEIGHBOUR_COMMUNITY);

		assertNotFound(get("community", "/api/v1/grids/" + gridElsewhere), gridElsewhere);
		assertNotFound(get("grid", "/api/v1/grids/" + otherGridOf(DEMO_COMMUNITY)), null);
		assertNotFound(get("resident", "/api/v1/grids/" + DEMO_GRID), DEMO_GRID);
		assertNotFound(get("community", "/api/v1/grids/" + DEMO_COMMUNITY), DEMO_COMMUNITY);
		assertNotFound(get("community", "/api/v1/grids/" + DEMO_COMMUNITY + "999"), null);
		assertThat(ok("street", "/api/v1/grids/" + gridElsewhere)).hasStatusOk();
	}

	// locate

	@Test
	void aPointInsideADemoGridIsLocatedToThatGrid() {
		JsonNode feature = json(ok("community", "/api/v1/grids/" + DEMO_GRID));
		Point inside = geometryOf(feature.path("geometry")).getInteriorPoint();

		JsonNode location = json(ok("resident", locate(inside.getX(), inside.getY())));

		assertThat(location.path("gridCode").asString()).isEqualTo(DEMO_GRID);
		assertThat(location.path("gridName").asString()).isEqualTo(feature.path("properties").path("name").asString());
		assertThat(location.path("communityCode").asString()).isEqualTo(DEMO_COMMUNITY);
		assertThat(location.path("communityName").asString())
			.isEqualTo(feature.path("properties").path("communityName").asString());
		assertThat(location.path("streetCode").asString()).isEqualTo(DEMO_STREET);
	}

	@Test
	void everyDemoGridIsFoundAtAPointInsideIt() {
		for (String grid : allGridsOfTheDemoStreet()) {
			Geometry polygon = geometryOf(json(ok("street", "/api/v1/grids/" + grid)).path("geometry"));
			Point inside = polygon.getInteriorPoint();
			assertThat(json(ok("clerk", locate(inside.getX(), inside.getY()))).path("gridCode").asString())
				.as("point %s inside %s", inside, grid).isEqualTo(grid);
		}
	}

	@Test
	void aPointFarFromEveryGridIsNotFound() {
		MvcTestResult result = get("resident", locate(0.5, 0.5));

		assertThat(result).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json(result).path("detail").asString()).contains("不在任何网格内");
	}

	@Test
	void coordinatesOutOfRangeAreRefusedAsTheCallersMistake() {
		for (String query : List.of("lng=200&lat=39.96", "lng=116.41&lat=91", "lng=-180.5&lat=0", "lng=NaN&lat=39.96",
				"lng=Infinity&lat=39.96")) {
			MvcTestResult result = get("resident", "/api/v1/grids/locate?" + query);
			assertThat(result.getResponse().getStatus()).as(query).isIn(400, 422);
			assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(json(result).path("detail").asString()).as(query).isNotBlank();
		}
	}

	@Test
	void missingOrUnreadableCoordinatesAreABadRequest() {
		MvcTestResult missing = get("resident", "/api/v1/grids/locate?lng=116.41");
		assertThat(missing).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json(missing).path("detail").asString()).contains("lat");

		MvcTestResult unreadable = get("resident", "/api/v1/grids/locate?lng=east&lat=39.96");
		assertThat(unreadable).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json(unreadable).path("detail").asString()).contains("lng");
	}

	// helpers

	private static String locate(double lng, double lat) {
		return "/api/v1/grids/locate?lng=" + lng + "&lat=" + lat;
	}

	private MvcTestResult get(String user, String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(token(user))).exchange();
	}

	private MvcTestResult ok(String user, String uri) {
		MvcTestResult result = get(user, uri);
		assertThat(result).as("GET %s as %s", uri, user).hasStatusOk();
		return result;
	}

	private void assertNotFound(MvcTestResult result, String code) {
		assertThat(result).as("%s", code).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json(result);
		assertThat(problem.path("status").asInt()).isEqualTo(404);
		assertThat(problem.path("detail").asString()).isNotBlank().doesNotContain("Exception");
	}

	private String token(String user) {
		return TOKENS.computeIfAbsent(user, u -> Api.token(mvc, u));
	}

	private String firstGridOf(String community) {
		return areas.children(community).get(0).code();
	}

	/** A grid of the community other than the grid worker's. */
	private String otherGridOf(String community) {
		return areas.children(community).stream().map(a -> a.code()).filter(c -> !c.equals(DEMO_GRID)).findFirst()
			.orElseThrow();
	}

	private List<String> allGridsOfTheDemoStreet() {
		List<String> grids = new ArrayList<>();
		areas.children(DEMO_STREET).forEach(c -> areas.children(c.code()).forEach(g -> grids.add(g.code())));
		return grids;
	}

	private static List<String> allCodes(JsonNode nodes) {
		List<String> codes = new ArrayList<>();
		for (JsonNode n : nodes) {
			codes.add(n.path("code").asString());
			codes.addAll(allCodes(n.path("children")));
		}
		return codes;
	}

}
