package org.gongzhi.portal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.area.StaffMember;
import org.gongzhi.identity.GongzhiUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final Areas areas;

	HomeController(Areas areas) {
		this.areas = areas;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal GongzhiUser me, Model model) {
		if (!me.scope().isEmpty()) {
			Map<AreaLevel, Long> counts = new LinkedHashMap<>();
			int scopeDepth = me.scope().all() ? 0 : me.scope().areaCode().length();
			for (AreaLevel level : List.of(AreaLevel.COMMUNITY, AreaLevel.GRID, AreaLevel.BUILDING, AreaLevel.ROOM)) {
				if (level.codeLength() <= scopeDepth && level != AreaLevel.GRID) {
					continue;
				}
				counts.put(level, areas.count(me.scope().all() ? "" : me.scope().areaCode(), level));
			}
			model.addAttribute("counts", counts);
			if (me.scope().areaCode() != null) {
				model.addAttribute("scopeArea", areas.find(me.scope().areaCode()).orElse(null));
				model.addAttribute("scopePath", areas.path(me.scope().areaCode()).stream().map(AreaView::name).toList());
			}
		}
		List<StaffMember> assignments = areas.assignmentsOf(me.id());
		model.addAttribute("assignments", assignments);
		Map<String, String> names = new LinkedHashMap<>();
		assignments.forEach(a -> areas.find(a.areaCode()).ifPresent(v -> names.put(v.code(), v.name())));
		model.addAttribute("assignmentNames", names);
		return "portal/home";
	}

}
