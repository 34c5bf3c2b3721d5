package org.gongzhi.area.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaPanel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.StaffDuty;
import org.gongzhi.area.StaffMember;
import org.gongzhi.area.domain.AreaService;
import org.gongzhi.area.domain.GridImportProblem;
import org.gongzhi.area.domain.GridImporter;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

@Controller
class AreaPageController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AreaService areas;

	private final GridImporter importer;

	private final String tileUrl;

	private final String tileAttribution;

	private final List<AreaPanel> panels;

	AreaPageController(AreaService areas, GridImporter importer, @Value("${gongzhi.map.tile-url:}") String tileUrl,
			@Value("${gongzhi.map.tile-attribution:}") String tileAttribution, List<AreaPanel> panels) {
		this.panels = panels;
		this.areas = areas;
		this.importer = importer;
		this.tileUrl = tileUrl;
		this.tileAttribution = tileAttribution;
	}

	@GetMapping("/areas")
	String tree(@RequestParam(required = false) String q, @AuthenticationPrincipal GongzhiUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("q", q);
		if (q != null && !q.isBlank()) {
			model.addAttribute("hits", areas.search(me.scope(), q, 100));
		}
		else {
			model.addAttribute("tree", areas.tree(me.scope()));
		}
		return htmx != null ? "area/tree :: results" : "area/tree";
	}

	@GetMapping("/areas/{code}")
	String area(@PathVariable String code, @AuthenticationPrincipal GongzhiUser me, Model model) {
		AreaView area = areas.get(me.scope(), code);
		model.addAttribute("area", area);
		model.addAttribute("path", areas.pathWithin(me.scope(), code));
		model.addAttribute("children", areas.children(me.scope(), code));
		model.addAttribute("staff", areas.staff(code));
		model.addAttribute("canManage", canManage(me));
		model.addAttribute("canImport", area.level() == AreaLevel.COMMUNITY && me.hasAny(Role.STREET_ADMIN,
				Role.SYSTEM_ADMIN));
		model.addAttribute("duties", List.of(StaffDuty.values()).stream().filter(d -> d.level() == area.level())
			.toList());
		if (area.level() == AreaLevel.GRID) {
			AreaService.GridDetail grid = areas.grid(me.scope(), code);
			model.addAttribute("grid", grid);
			model.addAttribute("mapJson", mapJson(List.of(grid), null));
			model.addAttribute("candidates", canManage(me) ? areas.assignableGridWorkers(me.scope(), code) : List.of());
			tiles(model);
		}
		model.addAttribute("panels", panels(area));
		return "area/detail";
	}

	@PostMapping("/areas/{code}/staff")
	String assign(@PathVariable String code, @RequestParam StaffDuty duty, @RequestParam(required = false) Long userId,
			@RequestParam(required = false) String name, @RequestParam(required = false) String phone,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		requireManager(me);
		try {
			if (userId != null) {
				areas.assignUser(me.scope(), code, duty, userId);
			}
			else {
				areas.assignPerson(me.scope(), code, duty, name, phone);
			}
			redirect.addFlashAttribute("notice", "staff.assigned");
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/areas/" + code;
	}

	@PostMapping("/areas/{code}/staff/{id}/remove")
	String unassign(@PathVariable String code, @PathVariable long id, @AuthenticationPrincipal GongzhiUser me,
			RedirectAttributes redirect) {
		requireManager(me);
		areas.unassign(me.scope(), id);
		redirect.addFlashAttribute("notice", "staff.removed");
		return "redirect:/areas/" + code;
	}

	@PostMapping("/areas/{code}/import")
	String importGrids(@PathVariable String code, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal GongzhiUser me, Model model, RedirectAttributes redirect) throws IOException {
		if (!me.hasAny(Role.STREET_ADMIN, Role.SYSTEM_ADMIN)) {
			throw DomainException.forbidden("grid.import.forbidden");
		}
		try {
			var report = importer.importGrids(me.scope(), code, new String(file.getBytes(), StandardCharsets.UTF_8));
			redirect.addFlashAttribute("importReport", report);
			return "redirect:/areas/" + code;
		}
		catch (DomainException ex) {
			if (ex.status().value() != 422) {
				throw ex;
			}
			model.addAttribute("importProblems", ex.details().stream().map(GridImportProblem.class::cast).toList());
			return area(code, me, model);
		}
	}

	@GetMapping("/map")
	String map(@RequestParam(required = false) String community, @AuthenticationPrincipal GongzhiUser me,
			Model model) {
		List<AreaView> communities = areas.communities(me.scope());
		model.addAttribute("communities", communities);
		if (!communities.isEmpty()) {
			AreaView chosen = communities.stream().filter(c -> c.code().equals(community)).findFirst()
				.orElse(communities.get(0));
			model.addAttribute("community", chosen);
			List<AreaService.GridDetail> grids = areas.mapGrids(me.scope(), chosen.code());
			model.addAttribute("grids", grids);
			model.addAttribute("mapJson", mapJson(grids, areas.communityBoundary(me.scope(), chosen.code()).orElse(null)));
		}
		tiles(model);
		return "area/map";
	}

	@GetMapping("/my-grid")
	String myGrid(@RequestParam(required = false) Double lng, @RequestParam(required = false) Double lat,
			Model model) {
		if (lng != null && lat != null) {
			model.addAttribute("lng", lng);
			model.addAttribute("lat", lat);
			areas.locate(lng, lat).ifPresentOrElse(loc -> {
				model.addAttribute("location", loc);
				areas.find(loc.gridCode()).ifPresent(g -> model.addAttribute("panels", panels(g)));
				model.addAttribute("staff", areas.staff(loc.gridCode()).stream()
					.filter(s -> s.duty() == StaffDuty.GRID_WORKER_FULL || s.duty() == StaffDuty.GRID_WORKER_PART)
					.toList());
			}, () -> model.addAttribute("notFound", true));
		}
		tiles(model);
		return "area/my-grid";
	}

	/** The grids as a GeoJSON FeatureCollection for the map script, safe to embed in a script element. */
	static String mapJson(List<AreaService.GridDetail> grids, String boundary) {
		List<Map<String, Object>> features = new ArrayList<>();
		for (AreaService.GridDetail g : grids) {
			if (g.geojson() == null) {
				continue;
			}
			Map<String, Object> props = new LinkedHashMap<>();
			props.put("code", g.grid().code());
			props.put("name", g.grid().name());
			props.put("type", g.grid().gridType());
			props.put("workers", g.staff().stream().map(StaffMember::name).toList());
			props.put("url", "/areas/" + g.grid().code());
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("type", "Feature");
			f.put("geometry", JSON.readValue(g.geojson(), JsonNode.class));
			f.put("properties", props);
			features.add(f);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", "FeatureCollection");
		data.put("features", features);
		data.put("boundary", boundary == null ? null : JSON.readValue(boundary, JsonNode.class));
		return JSON.writeValueAsString(data).replace("</", "<\\/");
	}

	/** The panels other modules show for the area. */
	private List<AreaPanel.Shown> panels(AreaView area) {
		List<AreaPanel.Shown> shown = new ArrayList<>();
		for (AreaPanel panel : panels) {
			panel.content(area).ifPresent(c -> shown.add(new AreaPanel.Shown(panel.template(), c)));
		}
		return shown;
	}

	private void tiles(Model model) {
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
	}

	private static boolean canManage(GongzhiUser me) {
		return me.hasAny(Role.STREET_ADMIN, Role.COMMUNITY_STAFF, Role.SYSTEM_ADMIN);
	}

	private static void requireManager(GongzhiUser me) {
		if (!canManage(me)) {
			throw DomainException.forbidden("staff.forbidden");
		}
	}

}
