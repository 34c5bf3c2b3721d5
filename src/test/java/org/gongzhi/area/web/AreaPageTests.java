package org.gongzhi.area.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.area.AreaAdministration;
import org.gongzhi.area.AreaFixtures;
import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.area.StaffDuty;
import org.gongzhi.area.StaffMember;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.area.AreaFixtures.DEMO_COMMUNITY;
import static org.gongzhi.area.AreaFixtures.DEMO_GRID;
import static org.gongzhi.area.AreaFixtures.DEMO_STREET;
import static org.gongzhi.area.AreaFixtures.NEIGHBOUR_COMMUNITY;
import static org.gongzhi.area.AreaFixtures.TEST_STREET;
import static org.gongzhi.area.AreaFixtures.TEST_STREET_ADMIN;
import static org.gongzhi.area.AreaFixtures.body;
import static org.gongzhi.area.AreaFixtures.collection;
import static org.gongzhi.area.AreaFixtures.feature;
import static org.gongzhi.area.AreaFixtures.json;
import static org.gongzhi.area.AreaFixtures.rectangle;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The area pages as staff and residents use them: the tree and its search, the grid map, "my grid", grid detail
 * pages with staff assignment (网格员分配) and the import form, all cut to the user's data scope.
 */
@GongzhiTest
class AreaPageTests {

	/** A part-time grid worker whose scope is the whole demo community, so they may serve on any of its grids. */
	private static final String PART_TIMER = "areagwpart";

	private static final String PART_TIMER_NAME = "孙兼职（网格员）";

	private static final Pattern MAP_DATA = Pattern.compile("id=\"gz-map-data\"[^>]*>(.*?)</script>", Pattern.DOTALL);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Areas areas;

	@Autowired
	AreaAdministration administration;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDirectory directory;

	@Autowired
	UserDetailsService signIn;

	@BeforeEach
	void fixtures() {
		AreaFixtures.ensureTestStreet(administration, accounts);
		if (directory.findByUsername(PART_TIMER).isEmpty()) {
			accounts.create(new NewUser(PART_TIMER, PART_TIMER_NAME, Api.DEMO_PASSWORD, Set.of(Role.GRID_WORKER),
					DEMO_COMMUNITY, false, null, "13800001234"));
		}
	}

	// the tree and its search

	@Test
	void theTreePageListsTheCommunitiesOfTheStreet() {
		String page = page("street", "/areas");

		assertThat(page).contains("<html", "和平街道");
		for (AreaView community : areas.children(DEMO_STREET)) {
			assertThat(page).contains(community.name(), "/areas/" + community.code());
		}
		assertThat(page).doesNotContain(AreaFixtures.TEST_STREET_NAME, "/areas/" + TEST_STREET);
	}

	@Test
	void theTreePageOfCommunityStaffHoldsOnlyTheirCommunity() {
		String page = page("community", "/areas");

		assertThat(page).contains(name(DEMO_COMMUNITY), "/areas/" + DEMO_GRID);
		assertThat(page).doesNotContain(name(NEIGHBOUR_COMMUNITY), "/areas/" + NEIGHBOUR_COMMUNITY,
				"/areas/" + DEMO_STREET + "\"");
	}

	@Test
	void searchFindsBuildingsByNameWithTheirPath() {
		String page = page("street", "/areas?q=3号楼");

		assertThat(page).contains("<html", "3号楼", "楼栋", name(DEMO_COMMUNITY));
		assertThat(page).doesNotContain("没有找到匹配的区域");
	}

	@Test
	void searchFindsAreasByCode() {
		assertThat(page("street", "/areas?q=" + DEMO_GRID)).contains("/areas/" + DEMO_GRID + "\"", name(DEMO_GRID));
	}

	@Test
	void searchAskedByHtmxAnswersOnlyTheResults() {
		MvcTestResult result = mvc.get().uri("/areas?q=3号楼").header("HX-Request", "true").with(as("street")).exchange();

		assertThat(result).hasStatusOk();
		String fragment = body(result);
		assertThat(fragment).contains("id=\"area-results\"", "3号楼");
		assertThat(fragment).doesNotContain("<html", "<head", "<title", "id=\"area-q\"");
	}

	@Test
	void searchStaysInsideTheScope() {
		String other = name(NEIGHBOUR_COMMUNITY);

		assertThat(page("community", "/areas?q=" + other)).contains("没有找到匹配的区域")
			.doesNotContain("/areas/" + NEIGHBOUR_COMMUNITY);
		assertThat(page("community", "/areas?q=" + NEIGHBOUR_COMMUNITY)).contains("没有找到匹配的区域");
		assertThat(page("community", "/areas?q=_")).as("a LIKE wildcard is searched for literally")
			.contains("没有找到匹配的区域");
	}

	@Test
	void anAreaPageOutsideTheScopeIsNotFound() {
		for (String code : List.of(NEIGHBOUR_COMMUNITY, DEMO_STREET, areas.children(NEIGHBOUR_COMMUNITY).get(0).code(),
				DEMO_COMMUNITY + "999")) {
			MvcTestResult result = mvc.get().uri("/areas/" + code).with(as("community")).exchange();
			assertThat(result).as(code).hasStatus(404).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
			assertThat(body(result)).contains("不在您的数据范围内");
		}
	}

	@Test
	void aGridPageShowsItsPolygonAndItsGridWorker() {
		String page = page("community", "/areas/" + DEMO_GRID);

		assertThat(page).contains(name(DEMO_GRID), "张伟（网格员）", "专职网格员");
		JsonNode map = mapData(page);
		assertThat(map.path("features").size()).isEqualTo(1);
		assertThat(map.path("features").get(0).path("properties").path("code").asString()).isEqualTo(DEMO_GRID);
	}

	// the map and my grid

	@Test
	void theMapOfCommunityStaffCarriesTheGridsOfTheirCommunity() {
		String page = page("community", "/map");

		List<String> grids = gridsOf(DEMO_COMMUNITY);
		JsonNode map = mapData(page);
		assertThat(map.path("type").asString()).isEqualTo("FeatureCollection");
		assertThat(map.path("features")).allSatisfy(f -> {
			assertThat(f.path("geometry").path("type").asString()).isEqualTo("Polygon");
			assertThat(f.path("properties").path("url").asString()).startsWith("/areas/" + DEMO_COMMUNITY);
		});
		assertThat(map.path("features").findValuesAsString("code")).containsExactlyInAnyOrderElementsOf(grids);
		assertThat(map.path("boundary").path("type").asString()).isEqualTo("Polygon");
		assertThat(page).contains(name(DEMO_COMMUNITY), "张伟（网格员）");
		assertThat(page).doesNotContain("value=\"" + NEIGHBOUR_COMMUNITY + "\"");
	}

	@Test
	void theMapOfAGridWorkerCarriesJustTheirGrid() {
		JsonNode map = mapData(page("grid", "/map"));

		assertThat(map.path("features").findValuesAsString("code")).containsExactly(DEMO_GRID);
	}

	@Test
	void theStreetAdministratorMayChooseTheCommunityOnTheMap() {
		JsonNode map = mapData(page("street", "/map?community=" + NEIGHBOUR_COMMUNITY));

		assertThat(map.path("features").findValuesAsString("code"))
			.containsExactlyInAnyOrderElementsOf(gridsOf(NEIGHBOUR_COMMUNITY));
	}

	@Test
	void theMapOfAResidentSaysThereIsNothingToShow() {
		String page = page("resident", "/map");

		assertThat(page).contains("您的数据范围内没有社区。").doesNotContain("gz-map-data");
	}

	@Test
	void myGridShowsTheGridAtThePointAndItsGridWorkers() {
		Point inside = insideOf(DEMO_GRID);

		String page = page("resident", "/my-grid?lng=" + inside.getX() + "&lat=" + inside.getY());

		assertThat(page).contains(name(DEMO_GRID), name(DEMO_COMMUNITY), DEMO_GRID, "张伟（网格员）", "专职网格员",
				"139****0001");
		assertThat(page).doesNotContain("该位置不在任何网格内");
	}

	@Test
	void myGridSaysSoWhenThePointIsInNoGrid() {
		assertThat(page("resident", "/my-grid?lng=100&lat=30")).contains("该位置不在任何网格内。")
			.doesNotContain("mygrid-result");
	}

	// staff assignment

	@Test
	void communityStaffAssignAndRemoveAPartTimeGridWorker() {
		String grid = otherGridOf(DEMO_COMMUNITY);
		long userId = directory.findByUsername(PART_TIMER).orElseThrow().id();
		assertThat(page("community", "/areas/" + grid)).as("offered in the form")
			.contains("value=\"" + userId + "\"");

		MvcTestResult assigned = mvc.post().uri("/areas/" + grid + "/staff").with(as("community")).with(csrf())
			.param("duty", "GRID_WORKER_PART").param("userId", Long.toString(userId)).exchange();

		assertThat(assigned).hasStatus3xxRedirection().hasRedirectedUrl("/areas/" + grid);
		assertThat(assigned).flash().containsEntry("notice", "staff.assigned");
		assertThat(followRedirect(assigned, "community")).contains("已分配", PART_TIMER_NAME,
				"兼职网格员", "138****1234");
		assertThat(page("resident", "/my-grid?lng=" + insideOf(grid).getX() + "&lat=" + insideOf(grid).getY()))
			.contains(PART_TIMER_NAME);
		StaffMember member = areas.staff(grid).stream().filter(s -> Long.valueOf(userId).equals(s.userId()))
			.findFirst().orElseThrow();
		assertThat(member.duty()).isEqualTo(StaffDuty.GRID_WORKER_PART);

		MvcTestResult twice = mvc.post().uri("/areas/" + grid + "/staff").with(as("community")).with(csrf())
			.param("duty", "GRID_WORKER_PART").param("userId", Long.toString(userId)).exchange();
		assertThat(twice).flash().containsEntry("error", "staff.user.already");

		MvcTestResult removed = mvc.post().uri("/areas/" + grid + "/staff/" + member.assignmentId() + "/remove")
			.with(as("community")).with(csrf()).exchange();

		assertThat(removed).hasStatus3xxRedirection().hasRedirectedUrl("/areas/" + grid);
		assertThat(page("community", "/areas/" + grid)).doesNotContain(PART_TIMER_NAME + "</span>");
		assertThat(areas.staff(grid)).noneMatch(s -> Long.valueOf(userId).equals(s.userId()));
	}

	@Test
	void someoneWithoutTheGridWorkerRoleCannotBeAssigned() {
		String grid = otherGridOf(DEMO_COMMUNITY);
		long secretary = directory.findByUsername("secretary").orElseThrow().id();
		List<StaffMember> before = areas.staff(grid);

		MvcTestResult result = mvc.post().uri("/areas/" + grid + "/staff").with(as("community")).with(csrf())
			.param("duty", "GRID_WORKER_PART").param("userId", Long.toString(secretary)).exchange();

		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/areas/" + grid);
		assertThat(result).flash().containsEntry("error", "staff.user.notGridWorker");
		assertThat(followRedirect(result, "community"))
			.contains("只有具有“网格员”角色的用户才能分配为网格员");
		assertThat(areas.staff(grid)).isEqualTo(before);
	}

	@Test
	void aGridWorkerOfAnotherCommunityCannotBeAssigned() {
		String grid = otherGridOf(DEMO_COMMUNITY);
		String elsewhere = areas.children(NEIGHBOUR_COMMUNITY).get(0).code();
		long stranger = areas.staff(elsewhere).stream().filter(s -> s.duty() == StaffDuty.GRID_WORKER_FULL)
			.map(StaffMember::userId).findFirst().orElseThrow();
		List<StaffMember> before = areas.staff(grid);
		assertThat(page("community", "/areas/" + grid)).as("not offered in the form")
			.doesNotContain("value=\"" + stranger + "\"");

		MvcTestResult result = mvc.post().uri("/areas/" + grid + "/staff").with(as("community")).with(csrf())
			.param("duty", "GRID_WORKER_PART").param("userId", Long.toString(stranger)).exchange();

		assertThat(result).hasStatus3xxRedirection();
		assertThat(result).flash().containsKey("error");
		assertThat(areas.staff(grid)).isEqualTo(before);
	}

	@Test
	void staffCannotBeAssignedToAGridOutsideTheScope() {
		String elsewhere = areas.children(NEIGHBOUR_COMMUNITY).get(0).code();
		long userId = directory.findByUsername(PART_TIMER).orElseThrow().id();
		List<StaffMember> before = areas.staff(elsewhere);

		MvcTestResult result = mvc.post().uri("/areas/" + elsewhere + "/staff").with(as("community")).with(csrf())
			.param("duty", "GRID_WORKER_PART").param("userId", Long.toString(userId)).exchange();

		assertThat(result).hasStatus(404);
		long assignment = before.get(0).assignmentId();
		assertThat(mvc.post().uri("/areas/" + elsewhere + "/staff/" + assignment + "/remove").with(as("community"))
			.with(csrf()).exchange()).hasStatus(404);
		assertThat(areas.staff(elsewhere)).isEqualTo(before);
	}

	@Test
	void residentsMayNotAssignAndFormsNeedTheirCsrfToken() {
		String grid = otherGridOf(DEMO_COMMUNITY);
		long userId = directory.findByUsername(PART_TIMER).orElseThrow().id();
		List<StaffMember> before = areas.staff(grid);

		assertThat(mvc.post().uri("/areas/" + grid + "/staff").with(as("resident")).with(csrf())
			.param("duty", "GRID_WORKER_PART").param("userId", Long.toString(userId)).exchange()).hasStatus(403);
		assertThat(mvc.post().uri("/areas/" + grid + "/staff").with(as("grid")).with(csrf())
			.param("duty", "GRID_WORKER_PART").param("userId", Long.toString(userId)).exchange()).hasStatus(403);
		assertThat(mvc.post().uri("/areas/" + grid + "/staff").with(as("community"))
			.param("duty", "GRID_WORKER_PART").param("userId", Long.toString(userId)).exchange()).hasStatus(403);
		assertThat(areas.staff(grid)).isEqualTo(before);
	}

	// import through the page

	@Test
	void aStreetAdministratorImportsGridsThroughTheCommunityPage() {
		String community = TEST_STREET + "003";
		AreaFixtures.ensureCommunity(administration, accounts, community, "测试三社区", 116.64, 39.80, 0.01);
		assertThat(page(TEST_STREET_ADMIN, "/areas/" + community)).contains("id=\"grid-file\"");
		assertThat(page("community", "/areas/" + DEMO_COMMUNITY)).as("community staff get no import form")
			.doesNotContain("id=\"grid-file\"");

		MvcTestResult result = upload(community, collection(
				feature(community + "001", "页面网格", rectangle(116.64, 39.80, 116.645, 39.81))));

		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/areas/" + community);
		assertThat(result).flash().containsKey("importReport");
		assertThat(followRedirect(result, TEST_STREET_ADMIN)).contains("id=\"import-report\"",
				"已导入 1 个网格：新建 1 个，更新 0 个。", "社区内有约");
		assertThat(areas.locate(116.642, 39.805)).hasValueSatisfying(l -> {
			assertThat(l.gridCode()).isEqualTo(community + "001");
			assertThat(l.gridName()).isEqualTo("页面网格");
		});
		assertThat(page(TEST_STREET_ADMIN, "/areas/" + community)).contains("页面网格");
	}

	@Test
	void aRefusedPageImportShowsEveryProblemAndImportsNothing() {
		String community = TEST_STREET + "004";
		AreaFixtures.ensureCommunity(administration, accounts, community, "测试四社区", 116.66, 39.80, 0.01);

		MvcTestResult result = upload(community, collection(
				feature(community + "001", "好", rectangle(116.66, 39.80, 116.665, 39.81)),
				feature(community + "002", null, rectangle(116.665, 39.80, 116.67, 39.81)),
				feature(DEMO_COMMUNITY + "003", "别家", rectangle(116.66, 39.81, 116.67, 39.82))));

		assertThat(result).hasStatusOk();
		String page = body(result);
		assertThat(page).contains("id=\"import-problems\"", "共 2 处问题", community + "002", DEMO_COMMUNITY + "003");
		assertThat(areas.children(community)).isEmpty();
		assertThat(areas.locate(116.662, 39.805)).isEmpty();
	}

	// helpers

	private MvcTestResult upload(String community, String file) {
		return mvc.post().uri("/areas/" + community + "/import").multipart()
			.file(new MockMultipartFile("file", "grids.geojson", "application/geo+json",
					file.getBytes(StandardCharsets.UTF_8)))
			.with(as(TEST_STREET_ADMIN)).with(csrf()).exchange();
	}

	private RequestPostProcessor as(String username) {
		return user((GongzhiUser) signIn.loadUserByUsername(username));
	}

	private String page(String username, String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(as(username)).exchange();
		assertThat(result).as("GET %s as %s", uri, username).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		return body(result);
	}

	/** Follows a redirect in the same (JDBC-stored) session, so the page shows the flash attributes as users see it. */
	private String followRedirect(MvcTestResult result, String username) {
		assertThat(result).hasStatus3xxRedirection();
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).as("the redirect keeps a session for its flash attributes").isNotNull();
		MvcTestResult next = mvc.get().uri(result.getResponse().getRedirectedUrl()).cookie(session).with(as(username))
			.exchange();
		assertThat(next).hasStatusOk();
		return body(next);
	}

	private static JsonNode mapData(String page) {
		Matcher m = MAP_DATA.matcher(page);
		assertThat(m.find()).as("the page embeds gz-map-data").isTrue();
		return json(m.group(1));
	}

	private String name(String code) {
		return areas.find(code).orElseThrow().name();
	}

	private List<String> gridsOf(String community) {
		return areas.children(community).stream().filter(a -> a.level() == AreaLevel.GRID).map(AreaView::code)
			.toList();
	}

	/** A grid of the community other than the grid worker's. */
	private String otherGridOf(String community) {
		return gridsOf(community).stream().filter(c -> !c.equals(DEMO_GRID)).findFirst().orElseThrow();
	}

	private Point insideOf(String grid) {
		MvcTestResult result = mvc.get().uri("/api/v1/grids/" + grid)
			.header("Authorization", Api.bearer(Api.token(mvc, "street"))).exchange();
		return AreaFixtures.geometryOf(json(result).path("geometry")).getInteriorPoint();
	}

}
