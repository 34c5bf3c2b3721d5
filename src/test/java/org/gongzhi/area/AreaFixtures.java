package org.gongzhi.area;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.support.Api;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test data for the area module's full-stack tests. Successful imports go into communities of a separate test street
 * ({@value #TEST_STREET}, far east of the demo street) so that the demo street keeps its six communities for every
 * other test; each test uses its own community code.
 */
public final class AreaFixtures {

	public static final String DEMO_STREET = "110199001";

	/** The demo community of the demo accounts community and secretary. */
	public static final String DEMO_COMMUNITY = "110199001001";

	/** The grid of the demo account grid. */
	public static final String DEMO_GRID = "110199001001001";

	public static final String NEIGHBOUR_COMMUNITY = "110199001002";

	public static final String TEST_STREET = "110199002";

	public static final String TEST_STREET_NAME = "测试街道";

	/** A street administrator of the test street (a real account that signs in for tokens). */
	public static final String TEST_STREET_ADMIN = "areastreet2";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private AreaFixtures() {
	}

	/** Creates the test street and its administrator once per JVM. */
	public static synchronized void ensureTestStreet(AreaAdministration admin, UserAccounts users) {
		if (!admin.exists(TEST_STREET)) {
			admin.createAll(List.of(new NewArea(TEST_STREET, "110199", AreaLevel.STREET, TEST_STREET_NAME, 99, null)),
					Map.of(TEST_STREET, polygon(116.59, 39.79, 116.99, 39.99)));
		}
		try {
			users.create(new NewUser(TEST_STREET_ADMIN, "测试街道管理员", Api.DEMO_PASSWORD, Set.of(Role.STREET_ADMIN),
					TEST_STREET, false, null, null));
		}
		catch (IllegalArgumentException ex) {
			if (!ex.getMessage().startsWith("user.username.taken")) {
				throw ex;
			}
		}
	}

	/**
	 * Creates a community of the test street whose boundary is the square of the given size at (west, south), unless
	 * it exists already.
	 */
	public static synchronized void ensureCommunity(AreaAdministration admin, UserAccounts users, String code,
			String name, double west, double south, double size) {
		ensureTestStreet(admin, users);
		if (!admin.exists(code)) {
			admin.createAll(List.of(new NewArea(code, TEST_STREET, AreaLevel.COMMUNITY, name, 1, null)),
					Map.of(code, polygon(west, south, west + size, south + size)));
		}
	}

	public static Polygon polygon(double minLng, double minLat, double maxLng, double maxLat) {
		return GEOMETRY.createPolygon(new Coordinate[] { new Coordinate(minLng, minLat),
				new Coordinate(maxLng, minLat), new Coordinate(maxLng, maxLat), new Coordinate(minLng, maxLat),
				new Coordinate(minLng, minLat) });
	}

	/** A GeoJSON Polygon geometry of an axis-parallel rectangle. */
	public static Map<String, Object> rectangle(double minLng, double minLat, double maxLng, double maxLat) {
		return ring(minLng, minLat, maxLng, minLat, maxLng, maxLat, minLng, maxLat, minLng, minLat);
	}

	/** A GeoJSON Polygon geometry with one ring given as lng, lat pairs (closed by the caller). */
	public static Map<String, Object> ring(double... lngLat) {
		List<List<Double>> ring = new ArrayList<>();
		for (int i = 0; i < lngLat.length; i += 2) {
			ring.add(List.of(lngLat[i], lngLat[i + 1]));
		}
		return geometry("Polygon", List.of(ring));
	}

	public static Map<String, Object> geometry(String type, Object coordinates) {
		Map<String, Object> g = new LinkedHashMap<>();
		g.put("type", type);
		g.put("coordinates", coordinates);
		return g;
	}

	/** A feature with the given properties; a {@code null} name or code is left out. */
	public static Map<String, Object> feature(String code, String name, Map<String, Object> geometry) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (code != null) {
			properties.put("code", code);
		}
		if (name != null) {
			properties.put("name", name);
		}
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("type", "Feature");
		f.put("properties", properties);
		f.put("geometry", geometry);
		return f;
	}

	@SafeVarargs
	public static String collection(Map<String, Object>... features) {
		Map<String, Object> fc = new LinkedHashMap<>();
		fc.put("type", "FeatureCollection");
		fc.put("features", Arrays.asList(features));
		return Api.json(fc);
	}

	public static JsonNode json(MvcTestResult result) {
		return JSON.readTree(body(result));
	}

	public static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	public static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The codes of the nodes of a JSON array. */
	public static List<String> codes(JsonNode array) {
		List<String> codes = new ArrayList<>();
		for (JsonNode n : array) {
			codes.add(n.path("code").asString());
		}
		return codes;
	}

	/** A JTS geometry from a GeoJSON geometry node (e.g. of a grid Feature). */
	public static Geometry geometryOf(JsonNode geojson) {
		try {
			return new GeoJsonReader(GEOMETRY).read(geojson.toString());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
