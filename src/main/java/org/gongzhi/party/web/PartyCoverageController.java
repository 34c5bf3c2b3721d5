package org.gongzhi.party.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.CoverageGap;
import org.gongzhi.party.domain.Organisations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The coverage map (党组织覆盖图): one community's grids drawn from their stored polygons, grids without any Party
 * organisation marked as gaps (空白点) and each grid labelled with its buildings still unreached, next to the gap
 * list.
 */
@Controller
class PartyCoverageController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Organisations organisations;

	private final Areas areas;

	private final String tileUrl;

	private final String tileAttribution;

	PartyCoverageController(Organisations organisations, Areas areas,
			@Value("${gongzhi.map.tile-url:}") String tileUrl,
			@Value("${gongzhi.map.tile-attribution:}") String tileAttribution) {
		this.organisations = organisations;
		this.areas = areas;
		this.tileUrl = tileUrl;
		this.tileAttribution = tileAttribution;
	}

	@GetMapping("/party/coverage")
	String coverage(@RequestParam(required = false) String community, @AuthenticationPrincipal GongzhiUser me,
			Model model) {
		List<AreaView> communities = areas.ofLevel(AreaLevel.COMMUNITY).stream()
			.filter(c -> me.scope().covers(c.code())).toList();
		model.addAttribute("communities", communities);
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
		if (communities.isEmpty()) {
			model.addAttribute("gaps", List.of());
			return "party/coverage";
		}
		AreaView chosen = communities.stream().filter(c -> c.code().equals(community)).findFirst()
			.orElse(communities.get(0));
		List<CoverageGap> gaps = organisations.coverage(me, chosen.code());
		model.addAttribute("community", chosen);
		model.addAttribute("gaps", gaps);
		model.addAttribute("gapGrids", gaps.stream().filter(g -> g.level() == AreaLevel.GRID).count());
		model.addAttribute("gapBuildings", gaps.stream().filter(g -> g.level() == AreaLevel.BUILDING).count());
		model.addAttribute("mapJson", mapJson(areas.gridOutlines(chosen.code()), gaps));
		return "party/coverage";
	}

	/** The grid outlines with, per grid, whether it is a gap and how many of its buildings are. */
	static String mapJson(String outlines, List<CoverageGap> gaps) {
		Set<String> gapGrids = gaps.stream().filter(g -> g.level() == AreaLevel.GRID).map(CoverageGap::code)
			.collect(Collectors.toSet());
		List<String> gapBuildings = gaps.stream().filter(g -> g.level() == AreaLevel.BUILDING)
			.map(CoverageGap::code).toList();
		JsonNode collection = JSON.readTree(outlines);
		for (JsonNode feature : collection.path("features")) {
			ObjectNode props = (ObjectNode) feature.path("properties");
			String code = props.path("code").asString();
			props.put("gap", gapGrids.contains(code));
			props.put("gapBuildings", gapBuildings.stream().filter(b -> b.startsWith(code)).count());
			props.put("url", "/areas/" + code);
		}
		return JSON.writeValueAsString(collection).replace("</", "<\\/");
	}

}
