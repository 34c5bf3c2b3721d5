package org.gongzhi.cases.web;

import java.io.UnsupportedEncodingException;

import org.gongzhi.support.Api;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test helper: a point surely inside a grid, taken from the grid's polygon as the API publishes it.
 */
public final class GridPoints {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GridPoints() {
	}

	/** An interior point of the grid as {lng, lat}. */
	public static double[] inside(MockMvcTester mvc, String gridCode) {
		var result = mvc.get().uri("/api/v1/grids/" + gridCode)
			.header("Authorization", Api.bearer(Api.token(mvc, "street"))).exchange();
		try {
			String geometry = JSON.readTree(result.getResponse().getContentAsString()).path("geometry").toString();
			Geometry polygon = new GeoJsonReader().read(geometry);
			Point p = polygon.getInteriorPoint();
			return new double[] { p.getX(), p.getY() };
		}
		catch (ParseException | UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
