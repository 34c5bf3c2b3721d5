package org.gongzhi.people.web;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.HouseQuery;
import org.gongzhi.people.HouseUse;
import org.gongzhi.people.Houses;
import org.gongzhi.people.UnitKind;
import org.gongzhi.people.UnitQuery;
import org.gongzhi.people.Units;
import org.gongzhi.shared.PageResult;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The house list (实有房屋: 自住, 出租, 空置, 商用) with each house's occupants and tenants, and the unit list (实有单位
 * with contacts and grids), all scoped to the caller and filtered by community or grid.
 */
@Controller
class HouseAndUnitPages {

	private final Houses houses;

	private final Units units;

	private final PeoplePageSupport support;

	HouseAndUnitPages(Houses houses, Units units, PeoplePageSupport support) {
		this.houses = houses;
		this.units = units;
		this.support = support;
	}

	@GetMapping("/people/houses")
	String houses(@RequestParam(required = false) String community, @RequestParam(required = false) String grid,
			@RequestParam(required = false) HouseUse use, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal GongzhiUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		String area = area(community, grid);
		model.addAttribute("result", houses.search(me, new HouseQuery(area, use, PeoplePageSupport.blank(q),
				Math.max(0, page), PageResult.size(null, 20, 100))));
		filters(model, community, grid, q);
		model.addAttribute("use", use);
		if (htmx != null) {
			return "people/houses :: results";
		}
		model.addAttribute("communities", support.communities(me));
		model.addAttribute("uses", HouseUse.values());
		return "people/houses";
	}

	/** One house with its occupants, tenants marked. */
	@GetMapping("/people/houses/{roomCode:\\d{24}}")
	String house(@PathVariable String roomCode, @AuthenticationPrincipal GongzhiUser me, Model model) {
		model.addAttribute("house", houses.house(me, roomCode));
		return "people/house";
	}

	@GetMapping("/people/units")
	String units(@RequestParam(required = false) String community, @RequestParam(required = false) String grid,
			@RequestParam(required = false) UnitKind kind, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal GongzhiUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		String area = area(community, grid);
		model.addAttribute("result", units.search(me, new UnitQuery(area, kind, PeoplePageSupport.blank(q),
				Math.max(0, page), PageResult.size(null, 20, 100))));
		filters(model, community, grid, q);
		model.addAttribute("kind", kind);
		if (htmx != null) {
			return "people/units :: results";
		}
		model.addAttribute("communities", support.communities(me));
		model.addAttribute("kinds", UnitKind.values());
		return "people/units";
	}

	/** The narrower of the two area filters: a grid inside the chosen community wins. */
	private static String area(String community, String grid) {
		String c = PeoplePageSupport.blank(community);
		String g = PeoplePageSupport.blank(grid);
		if (g != null && (c == null || g.startsWith(c))) {
			return g;
		}
		return c;
	}

	private static void filters(Model model, String community, String grid, String q) {
		model.addAttribute("community", PeoplePageSupport.blank(community));
		model.addAttribute("grid", PeoplePageSupport.blank(grid));
		model.addAttribute("q", PeoplePageSupport.blank(q));
		model.addAttribute("filtered", PeoplePageSupport.blank(community) != null
				|| PeoplePageSupport.blank(grid) != null || PeoplePageSupport.blank(q) != null);
	}

}
