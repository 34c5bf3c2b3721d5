package org.gongzhi.cases.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The report form's map shows grid outlines so that a resident sees which grid the pin falls in: the street around
 * the map's centre for residents, the own community or street for staff; the located grid is named for the map to
 * outline it.
 */
@GongzhiTest
class ReportMapTests {

	static final String STREET = "110199001";

	static final String COMMUNITY = "110199001001";

	static final String GRID = "110199001001001";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SignInService signIn;

	@Test
	void residentsSeeTheGridsOfTheStreetAroundTheMap() {
		String page = page("resident", "/cases/report");
		List<String> codes = outlinedGrids(page);

		assertThat(codes).hasSizeGreaterThan(20).contains(GRID)
			.allSatisfy(code -> assertThat(code).startsWith(STREET));
		assertThat(page).contains("id=\"case-map-grids-help\"", "蓝色虚线是网格边界");
	}

	@Test
	void staffSeeTheirOwnCommunitysOrStreetsGrids() {
		assertThat(outlinedGrids(page("community", "/cases/report"))).contains(GRID)
			.allSatisfy(code -> assertThat(code).startsWith(COMMUNITY));
		assertThat(outlinedGrids(page("grid", "/cases/report"))).as("a grid worker: the grid's community")
			.contains(GRID).hasSizeGreaterThan(1).allSatisfy(code -> assertThat(code).startsWith(COMMUNITY));
		assertThat(outlinedGrids(page("clerk", "/cases/report"))).hasSizeGreaterThan(20)
			.allSatisfy(code -> assertThat(code).startsWith(STREET));
	}

	@Test
	void theLocatedGridIsNamedForTheMapToOutline() {
		double[] point = GridPoints.inside(mvc, GRID);

		String located = page("resident", "/cases/report/locate?lng=" + point[0] + "&lat=" + point[1]);

		assertThat(located).contains("id=\"case-located-grid\"", "data-grid-code=\"" + GRID + "\"");
	}

	String page(String username, String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(user(signIn.loadUserByUsername(username))).exchange();
		assertThat(result).as(uri).hasStatusOk();
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> outlinedGrids(String page) {
		String start = "<script type=\"application/json\" id=\"case-map-grids\">";
		int from = page.indexOf(start);
		assertThat(from).as("the page embeds grid outlines").isNotNegative();
		String json = page.substring(from + start.length(), page.indexOf("</script>", from));
		JsonNode outlines = JSON.readTree(json.replace("<\\/", "</"));
		List<String> codes = new ArrayList<>();
		outlines.path("features").forEach(f -> {
			assertThat(f.path("geometry").path("type").asString()).isEqualTo("Polygon");
			codes.add(f.path("properties").path("code").asString());
		});
		return codes;
	}

}
