package org.gongzhi.area;

import java.util.ArrayList;
import java.util.List;

import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grid outlines of a street or community from the area facade (what the resident report map draws): every grid with
 * its stored polygon, name and community, the same polygons the locator answers from.
 */
@GongzhiTest
class GridOutlinesTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Areas areas;

	@Test
	void aStreetsOutlinesAreAllItsGridsWithTheLocatorsPolygons() throws Exception {
		JsonNode outlines = JSON.readTree(areas.gridOutlines(AreaFixtures.DEMO_STREET));

		assertThat(outlines.path("type").asString()).isEqualTo("FeatureCollection");
		List<String> codes = codes(outlines);
		assertThat(codes).hasSize((int) areas.count(AreaFixtures.DEMO_STREET, AreaLevel.GRID))
			.allSatisfy(code -> assertThat(code).startsWith(AreaFixtures.DEMO_STREET))
			.contains(AreaFixtures.DEMO_GRID);
		for (JsonNode feature : outlines.path("features")) {
			String code = feature.path("properties").path("code").asString();
			AreaView grid = areas.find(code).orElseThrow();
			assertThat(feature.path("properties").path("name").asString()).isEqualTo(grid.name());
			assertThat(feature.path("properties").path("communityName").asString())
				.isEqualTo(areas.find(grid.parentCode()).orElseThrow().name());
			Geometry polygon = new GeoJsonReader().read(feature.path("geometry").toString());
			Point inside = polygon.getInteriorPoint();
			assertThat(areas.locate(inside.getX(), inside.getY())).as(code).get()
				.extracting(GridLocation::gridCode).isEqualTo(code);
		}
	}

	@Test
	void aCommunitysOutlinesAreItsOwnGrids() {
		List<String> codes = codes(JSON.readTree(areas.gridOutlines(AreaFixtures.DEMO_COMMUNITY)));

		assertThat(codes).isNotEmpty().contains(AreaFixtures.DEMO_GRID)
			.allSatisfy(code -> assertThat(code).startsWith(AreaFixtures.DEMO_COMMUNITY));
		assertThat(codes).hasSize((int) areas.children(AreaFixtures.DEMO_COMMUNITY).stream()
			.filter(a -> a.level() == AreaLevel.GRID).count());
	}

	@Test
	void anythingElseHasNoOutlines() {
		assertThat(codes(JSON.readTree(areas.gridOutlines(AreaFixtures.DEMO_GRID)))).isEmpty();
		assertThat(codes(JSON.readTree(areas.gridOutlines("110199")))).as("a district").isEmpty();
		assertThat(codes(JSON.readTree(areas.gridOutlines("110199999")))).as("unknown").isEmpty();
		assertThat(codes(JSON.readTree(areas.gridOutlines(null)))).isEmpty();
	}

	static List<String> codes(JsonNode collection) {
		List<String> codes = new ArrayList<>();
		collection.path("features").forEach(f -> codes.add(f.path("properties").path("code").asString()));
		return codes;
	}

}
