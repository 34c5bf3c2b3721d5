package org.gongzhi.cases.api;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.area.AreaFixtures;
import org.gongzhi.support.Api;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case API as the demo accounts use it in the full-stack tests: reporting, acting, reading, with tokens from the
 * real sign-in endpoint and points taken from the grids' own boundaries.
 */
final class CaseClient {

	static final String STREET = "110199001";

	static final String COMMUNITY = "110199001001";

	/** The grid of the demo grid worker {@code grid}. */
	static final String GRID = "110199001001001";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private static final Map<String, double[]> POINTS = new ConcurrentHashMap<>();

	private final MockMvcTester mvc;

	CaseClient(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	String token(String user) {
		return TOKENS.computeIfAbsent(user, u -> Api.token(mvc, u));
	}

	/** A point inside the grid ({@code [lng, lat]}), from its boundary as {@code GET /api/v1/grids/{code}} gives it. */
	double[] pointIn(String gridCode) {
		return POINTS.computeIfAbsent(gridCode, code -> {
			Geometry polygon = AreaFixtures.geometryOf(ok(get("admin", "/api/v1/grids/" + code)).path("geometry"));
			Point p = polygon.getInteriorPoint();
			return new double[] { p.getX(), p.getY() };
		});
	}

	/** The point {@code metres} north and {@code eastMetres} east of the given one. */
	static double[] offset(double[] point, double northMetres, double eastMetres) {
		double dLat = northMetres / 111_195.0;
		double dLng = eastMetres / (111_195.0 * Math.cos(Math.toRadians(point[1])));
		return new double[] { point[0] + dLng, point[1] + dLat };
	}

	static Map<String, Object> caseAt(String category, double[] point, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("categoryCode", category);
		body.put("description", description);
		body.put("lng", point[0]);
		body.put("lat", point[1]);
		body.put("reporterName", "吴芳");
		body.put("reporterPhone", "13800138000");
		return body;
	}

	static Map<String, Object> caseAtAddress(String category, String address, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("categoryCode", category);
		body.put("description", description);
		body.put("address", address);
		return body;
	}

	MvcTestResult post(String user, String uri, Object body) {
		return post(user, uri, body, null);
	}

	MvcTestResult post(String user, String uri, Object body, String idempotencyKey) {
		var request = mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(token(user)))
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.content(body == null ? "{}" : Api.json(body));
		if (idempotencyKey != null) {
			request = request.header("Idempotency-Key", idempotencyKey);
		}
		return request.exchange();
	}

	MvcTestResult get(String user, String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(token(user)))
			.accept(MediaType.APPLICATION_JSON).exchange();
	}

	/** Reports a case and answers the intake body ({@code caseNo}, {@code case}, {@code possibleDuplicates}). */
	JsonNode report(String user, Map<String, Object> body) {
		MvcTestResult result = post(user, "/api/v1/cases", body);
		assertThat(result.getResponse().getStatus()).as("intake by %s: %s", user, body(result)).isEqualTo(201);
		return json(result);
	}

	String reportNo(String user, Map<String, Object> body) {
		return report(user, body).path("caseNo").asString();
	}

	/** Takes an action that must succeed; answers the case detail. */
	JsonNode act(String user, String caseNo, String action, Map<String, ?> body) {
		MvcTestResult result = post(user, "/api/v1/cases/" + caseNo + "/actions/" + action, body);
		assertThat(result.getResponse().getStatus()).as("%s by %s on %s: %s", action, user, caseNo, body(result))
			.isEqualTo(200);
		return json(result);
	}

	JsonNode act(String user, String caseNo, String action) {
		return act(user, caseNo, action, Map.of());
	}

	MvcTestResult attempt(String user, String caseNo, String action, Map<String, ?> body) {
		return post(user, "/api/v1/cases/" + caseNo + "/actions/" + action, body);
	}

	JsonNode detail(String user, String caseNo) {
		return ok(get(user, "/api/v1/cases/" + caseNo));
	}

	/** Case numbers of one page of {@code GET /api/v1/cases} with the given query string. */
	JsonNode list(String user, String query) {
		return ok(get(user, "/api/v1/cases" + (query.isEmpty() ? "" : "?" + query)));
	}

	static List<String> caseNos(JsonNode page) {
		List<String> nos = new ArrayList<>();
		page.path("items").forEach(i -> nos.add(i.path("caseNo").asString()));
		return nos;
	}

	static List<String> actions(JsonNode detail) {
		List<String> actions = new ArrayList<>();
		detail.path("timeline").forEach(e -> actions.add(e.path("action").asString()));
		return actions;
	}

	/** The latest step on the timeline of a case detail. */
	static JsonNode lastEvent(JsonNode detail) {
		JsonNode timeline = detail.path("timeline");
		return timeline.get(timeline.size() - 1);
	}

	static List<String> strings(JsonNode array) {
		List<String> list = new ArrayList<>();
		array.forEach(n -> list.add(n.asString()));
		return list;
	}

	static JsonNode ok(MvcTestResult result) {
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
		return json(result);
	}

	static JsonNode json(MvcTestResult result) {
		return JSON.readTree(body(result));
	}

	static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
