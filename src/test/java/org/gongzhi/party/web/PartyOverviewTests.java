package org.gongzhi.party.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.gongzhi.area.AreaFixtures;
import org.gongzhi.area.AreaLevel;
import org.gongzhi.party.CoverageGap;
import org.gongzhi.party.PartyAdministration;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.gongzhi.support.Pages;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The Party overview with its counts and charts, the coverage map, the Party panel on grid pages (badges where
 * residents look for their grid) and badge photos.
 */
@GongzhiTest
class PartyOverviewTests {

	static final String COMMUNITY = "110199001001";

	/** The smallest JPEG header the photo check accepts. */
	static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1,
			0, 0, 1, 0, 1, 0, 0, (byte) 0xff, (byte) 0xd9 };

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartyAdministration party;

	@Test
	void theOverviewCountsConfirmedServiceOfThisYear() {
		JsonNode before = overview("community");
		assertThat(before.path("members").asLong()).isPositive();
		assertThat(before.path("reportedActive").asLong()).isPositive();
		assertThat(before.path("months")).hasSize(12);
		assertThat(before.path("communities")).hasSize(1);
		long done = jdbc.sql("select count(*) from party.project where status = 'DONE' and community_code = :c")
			.param("c", COMMUNITY).query(Long.class).single();
		assertThat(before.path("projectsDone").asLong()).isEqualTo(done);
		assertThat(before.path("communities").get(0).path("projectsDone").asLong()).isEqualTo(done);
		long claim = jdbc.sql("""
				select c.id from party.post_claim c join party.service_post p on p.id = c.post_id
				 where p.community_code = :c order by c.id limit 1
				""").param("c", COMMUNITY).query(Long.class).single();
		party.importService(claim, LocalDate.now(ZoneId.of("Asia/Shanghai")), new BigDecimal("2.5"), "概览测试服务", true);
		party.importService(claim, LocalDate.now(ZoneId.of("Asia/Shanghai")), new BigDecimal("4.0"), "待确认的服务", false);

		JsonNode after = overview("community");

		assertThat(after.path("hoursThisYear").decimalValue().subtract(before.path("hoursThisYear").decimalValue()))
			.isEqualByComparingTo("2.5");
		assertThat(after.path("recordsPending").asLong()).isEqualTo(before.path("recordsPending").asLong() + 1);
		JsonNode thisMonth = after.path("months").get(11);
		assertThat(thisMonth.path("hours").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("2.5"));
		assertThat(overview("street").path("communities").size()).isGreaterThan(1);
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		assertThat(page("community", "/party/overview")).contains("overview-chart-months").contains("overview-chart-data")
			.contains("id=\"ov-hours\"").contains("党建概览").contains(year + " 年服务时长")
			.as("years are written without a thousands separator").doesNotContain(String.format("%,d", year));
		assertThat(mvc.get().uri("/party/overview").with(as("resident")).exchange()).hasStatus(403);
	}

	@Test
	void theCoverageMapMarksTheSameGapGridsAsTheGapListAndAnOrganisationClosesOne() {
		List<String> mapGaps = mapGapGrids();
		JsonNode listed = PartyApiTests.json(mvc.get().uri("/api/v1/party/coverage?area=" + COMMUNITY)
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, "community"))).exchange(), 200);
		List<String> listGaps = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
			.filter(g -> "GRID".equals(g.path("level").asString())).map(g -> g.path("code").asString()).toList();
		assertThat(mapGaps).containsExactlyInAnyOrderElementsOf(listGaps);
		assertThat(page("community", "/party")).contains("coverage-map-link");
		if (!mapGaps.isEmpty()) {
			String grid = mapGaps.get(0);
			MvcTestResult created = mvc.post().uri("/party/organisations").with(as("community")).with(csrf())
				.param("kind", "BRANCH").param("name", "覆盖图测试网格党支部").param("areaCode", grid).exchange();
			assertThat(created.getMvcResult().getFlashMap().get("notice")).isEqualTo("party.page.saved");
			assertThat(mapGapGrids()).doesNotContain(grid).hasSize(mapGaps.size() - 1);
		}
	}

	private List<String> mapGapGrids() {
		String page = page("community", "/party/coverage?community=" + COMMUNITY);
		assertThat(page).contains("coverage-map").contains("党组织覆盖图");
		String json = page.substring(page.indexOf("id=\"coverage-data\">") + "id=\"coverage-data\">".length());
		JsonNode map = JsonMapper.builder().build().readTree(json.substring(0, json.indexOf("</script>")));
		assertThat(map.path("features").size()).isPositive();
		return java.util.stream.StreamSupport.stream(map.path("features").spliterator(), false)
			.filter(f -> f.path("properties").path("gap").asBoolean())
			.map(f -> f.path("properties").path("code").asString()).toList();
	}

	@Test
	void mapJsonFlagsGridsAndCountsTheirUnreachedBuildings() {
		String outlines = """
				{"type":"FeatureCollection","features":[
				 {"type":"Feature","geometry":null,"properties":{"code":"110199001001001","name":"一"}},
				 {"type":"Feature","geometry":null,"properties":{"code":"110199001001002","name":"二"}}]}
				""";
		List<CoverageGap> gaps = List.of(new CoverageGap("110199001001002", "二", AreaLevel.GRID, "社区"),
				new CoverageGap("110199001001001003", "3号楼", AreaLevel.BUILDING, "一"),
				new CoverageGap("110199001001001004", "4号楼", AreaLevel.BUILDING, "一"));
		JsonNode json = JsonMapper.builder().build().readTree(PartyCoverageController.mapJson(outlines, gaps));
		assertThat(json.path("features").get(0).path("properties").path("gap").asBoolean()).isFalse();
		assertThat(json.path("features").get(0).path("properties").path("gapBuildings").asInt()).isEqualTo(2);
		assertThat(json.path("features").get(1).path("properties").path("gap").asBoolean()).isTrue();
		assertThat(json.path("features").get(1).path("properties").path("url").asString())
			.isEqualTo("/areas/110199001001002");
	}

	@Test
	void gridPagesShowThePartyPanelWithBadgesAndPhotos() {
		long memberId = jdbc.sql("""
				select m.id from party.member m where m.badge_post is not null and length(m.residence_area_code) >= 15
				  and m.residence_area_code like :c order by m.id limit 1
				""").param("c", COMMUNITY + "%").query(Long.class).single();
		String grid = jdbc.sql("select substr(residence_area_code, 1, 15) from party.member where id = :id")
			.param("id", memberId).query(String.class).single();
		String name = jdbc.sql("select name from party.member where id = :id").param("id", memberId)
			.query(String.class).single();

		MvcTestResult upload = mvc.post().uri("/api/v1/party/members/" + memberId + "/photo").multipart()
			.file(new MockMultipartFile("photo", "me.jpg", "image/jpeg", JPEG))
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, "community"))).exchange();
		assertThat(upload).hasStatus(204);
		MvcTestResult notAPhoto = mvc.post().uri("/api/v1/party/members/" + memberId + "/photo").multipart()
			.file(new MockMultipartFile("photo", "me.jpg", "image/jpeg", "not a photo at all".getBytes()))
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, "community"))).exchange();
		assertThat(notAPhoto).hasStatus(422);
		assertThat(notAPhoto.getResponse().getContentType()).contains("problem+json");

		String staffPage = page("community", "/areas/" + grid);
		assertThat(staffPage).contains("party-panel").contains(name).contains("/party/members/" + memberId + "/photo");
		MvcTestResult photo = mvc.get().uri("/party/members/" + memberId + "/photo").with(as("resident")).exchange();
		assertThat(photo).hasStatusOk().hasContentType("image/jpeg");
		assertThat(photo.getResponse().getContentAsByteArray()).isEqualTo(JPEG);

		Point inside = insideOf(grid);
		assertThat(page("resident", "/my-grid?lng=" + inside.getX() + "&lat=" + inside.getY())).contains("party-panel")
			.contains(name);
	}

	@Test
	void aMemberUploadsTheirOwnPhotoAndOthersCannot() {
		long own = jdbc.sql("""
				select m.id from party.member m join identity.app_user u on u.id = m.user_id where u.username = 'member'
				""").query(Long.class).single();
		MvcTestResult mine = mvc.post().uri("/party/members/" + own + "/photo").multipart()
			.file(new MockMultipartFile("photo", "me.jpg", "image/jpeg", JPEG)).with(as("member")).with(csrf())
			.exchange();
		assertThat(mine).hasStatus3xxRedirection().hasRedirectedUrl("/party/mine");
		assertThat(mine.getMvcResult().getFlashMap().get("notice")).isEqualTo("party.photo.saved");
		assertThat(page("member", "/party/mine")).contains("photo-upload");

		MvcTestResult empty = mvc.post().uri("/party/members/" + own + "/photo").multipart()
			.file(new MockMultipartFile("photo", "", "application/octet-stream", new byte[0])).with(as("member"))
			.with(csrf()).exchange();
		assertThat(empty.getMvcResult().getFlashMap().get("error")).isEqualTo("party.photo.empty");

		long other = jdbc.sql("select id from party.member where id <> :own and user_id is null order by id limit 1")
			.param("own", own).query(Long.class).single();
		MvcTestResult foreign = mvc.post().uri("/api/v1/party/members/" + other + "/photo").multipart()
			.file(new MockMultipartFile("photo", "me.jpg", "image/jpeg", JPEG))
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, "member"))).exchange();
		assertThat(foreign).hasStatus(404);
	}

	private Point insideOf(String grid) {
		MvcTestResult result = mvc.get().uri("/api/v1/grids/" + grid)
			.header("Authorization", Api.bearer(Api.token(mvc, "street"))).exchange();
		return AreaFixtures.geometryOf(PartyApiTests.json(result, 200).path("geometry")).getInteriorPoint();
	}

	private JsonNode overview(String username) {
		MvcTestResult result = mvc.get().uri("/api/v1/party/overview")
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, username))).exchange();
		return PartyApiTests.json(result, 200);
	}

	private RequestPostProcessor as(String username) {
		return Pages.as(signIn, username);
	}

	private String page(String username, String uri) {
		return Pages.html(mvc, signIn, username, uri);
	}

}
