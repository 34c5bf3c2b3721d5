package org.gongzhi.area.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.GridLocation;
import org.gongzhi.area.domain.AreaService;
import org.gongzhi.area.domain.AreaService.GridDetail;
import org.gongzhi.area.domain.AreaService.TreeNode;
import org.gongzhi.area.domain.GridImportReport;
import org.gongzhi.area.domain.GridImporter;
import org.gongzhi.area.domain.GridLocator;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Areas and grids", description = "区域与网格: the area tree, grid polygons, import and locate")
class AreaApiController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AreaService areas;

	private final GridImporter importer;

	private final GridLocator locator;

	AreaApiController(AreaService areas, GridImporter importer, GridLocator locator) {
		this.areas = areas;
		this.importer = importer;
		this.locator = locator;
	}

	record AreaItem(String code, String name, String level) {
		static AreaItem of(AreaView a) {
			return new AreaItem(a.code(), a.name(), a.level().name());
		}
	}

	@GetMapping("/api/v1/areas/tree")
	@Operation(summary = "The area tree (district, street, communities, grids) within the caller's data scope")
	List<TreeNode> tree(@AuthenticationPrincipal GongzhiUser me) {
		return areas.tree(me.scope());
	}

	@GetMapping("/api/v1/areas/{code}")
	@Operation(summary = "One area within the caller's data scope")
	AreaItem area(@PathVariable String code, @AuthenticationPrincipal GongzhiUser me) {
		return AreaItem.of(areas.get(me.scope(), code));
	}

	@GetMapping("/api/v1/areas/{code}/children")
	@Operation(summary = "Children of an area, down to rooms; 404 outside the caller's scope")
	List<AreaItem> children(@PathVariable String code, @AuthenticationPrincipal GongzhiUser me) {
		return areas.children(me.scope(), code).stream().map(AreaItem::of).toList();
	}

	@GetMapping("/api/v1/grids/locate")
	@Operation(summary = "Locate a WGS-84 point to its grid (in-memory index); 404 outside every grid")
	GridLocation locate(@RequestParam double lng, @RequestParam double lat) {
		if (lng < -180 || lng > 180 || Double.isNaN(lng)) {
			throw DomainException.invalid("lng", "grid.locate.lng");
		}
		if (lat < -90 || lat > 90 || Double.isNaN(lat)) {
			throw DomainException.invalid("lat", "grid.locate.lat");
		}
		return locator.locate(lng, lat).orElseThrow(() -> DomainException.notFound("grid.locate.none"));
	}

	@GetMapping(value = "/api/v1/grids/{code}", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "A grid as a GeoJSON Feature")
	Map<String, Object> grid(@PathVariable String code, @AuthenticationPrincipal GongzhiUser me) {
		GridDetail grid = areas.grid(me.scope(), code);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("code", grid.grid().code());
		properties.put("name", grid.grid().name());
		properties.put("type", grid.grid().gridType());
		properties.put("communityCode", grid.community().code());
		properties.put("communityName", grid.community().name());
		properties.put("workers", grid.staff().stream().map(s -> Map.of("name", s.name(), "duty", s.duty().name()))
			.toList());
		Map<String, Object> feature = new LinkedHashMap<>();
		feature.put("type", "Feature");
		feature.put("id", grid.grid().code());
		feature.put("geometry", grid.geojson() == null ? null : JSON.readValue(grid.geojson(), JsonNode.class));
		feature.put("properties", properties);
		return feature;
	}

	@PostMapping(value = "/api/v1/grids/import", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/geo+json" })
	@Operation(summary = "Import the grid polygons of one community from a GeoJSON FeatureCollection",
			description = "Every feature needs properties code (15 digits, beginning with the community code) and name; "
					+ "type is optional (RESIDENTIAL, COMMERCIAL, MIXED, PUBLIC). Any problem refuses the whole import "
					+ "with 422 and the list of every offending feature.")
	GridImportReport importGrids(@RequestParam String communityCode, @RequestBody String body,
			@AuthenticationPrincipal GongzhiUser me) {
		if (!me.hasAny(Role.STREET_ADMIN, Role.SYSTEM_ADMIN)) {
			throw DomainException.forbidden("grid.import.forbidden");
		}
		return importer.importGrids(me.scope(), communityCode, body);
	}

}
