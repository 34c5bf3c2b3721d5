package org.gongzhi.cases.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.area.GridLocation;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.cases.UnitType;
import org.gongzhi.identity.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * Locates a new case (point → grid from the in-memory index, or address → building → grid) and routes it by category
 * and area to its handling unit: grid-level categories go to the grid first (小事不出格), then community, street or the
 * category's department. Explains its choice in a note kept on the case.
 */
@Component
public class CaseRouter {

	private final Areas areas;

	private final UserDirectory users;

	private final AreaNames names;

	CaseRouter(Areas areas, UserDirectory users, AreaNames names) {
		this.areas = areas;
		this.users = users;
		this.names = names;
	}

	/** Where the case is. */
	public record Place(String gridCode, String gridName, String communityCode, String communityName,
			String streetCode, String how) {
	}

	/** The unit a case goes to and why. */
	public record Route(UnitType unitType, String unitCode, String unitName, String note) {
	}

	public Place locate(Double lng, Double lat, String address) {
		if (lng != null && lat != null) {
			Optional<GridLocation> loc = areas.locate(lng, lat);
			if (loc.isPresent()) {
				GridLocation g = loc.get();
				return new Place(g.gridCode(), g.gridName(), g.communityCode(), g.communityName(), g.streetCode(),
						"坐标定位到网格");
			}
		}
		Optional<AreaView> matched = areas.matchAddress(address);
		if (matched.isPresent()) {
			AreaView a = matched.get();
			List<AreaView> path = areas.path(a.code());
			AreaView grid = path.stream().filter(p -> p.level() == AreaLevel.GRID).findFirst().orElse(null);
			AreaView community = path.stream().filter(p -> p.level() == AreaLevel.COMMUNITY).findFirst().orElse(null);
			AreaView street = path.stream().filter(p -> p.level() == AreaLevel.STREET).findFirst().orElse(null);
			return new Place(grid == null ? null : grid.code(), grid == null ? null : grid.name(),
					community == null ? null : community.code(), community == null ? null : community.name(),
					street == null ? null : street.code(),
					a.level() == AreaLevel.BUILDING ? "地址匹配到楼栋「" + a.name() + "」所在网格" : "地址匹配到社区");
		}
		return new Place(null, null, null, null, onlyStreet(), lng != null ? "坐标不在任何网格内" : "地址未能匹配");
	}

	private String onlyStreet() {
		List<AreaView> streets = areas.ofLevel(AreaLevel.STREET);
		return streets.size() == 1 ? streets.get(0).code() : null;
	}

	public Route route(CategoryView category, Place place) {
		Map<String, String> departments = users.departmentNames();
		String level = category.handlingLevel();
		String why = "类别「" + category.name() + "」默认由" + levelName(level) + "办理";
		if ("GRID".equals(level) && place.gridCode() != null) {
			return new Route(UnitType.GRID, place.gridCode(), place.gridName(), why + "（小事不出格）；" + place.how()
					+ "「" + place.gridName() + "」");
		}
		if ("DEPARTMENT".equals(level) && category.departmentCode() != null) {
			String name = departments.getOrDefault(category.departmentCode(), category.departmentCode());
			return new Route(UnitType.DEPARTMENT, category.departmentCode(), name, why + "：" + name);
		}
		if (("GRID".equals(level) || "COMMUNITY".equals(level)) && place.communityCode() != null) {
			String note = "GRID".equals(level) ? why + "，但未定位到网格，改由社区办理" : why;
			return new Route(UnitType.COMMUNITY, place.communityCode(), place.communityName(),
					note + "；" + place.how() + "「" + place.communityName() + "」");
		}
		if (place.streetCode() != null) {
			String known = names.name(place.streetCode());
			String name = known == null ? place.streetCode() : known;
			return new Route(UnitType.STREET, place.streetCode(), name,
					"STREET".equals(level) ? why : why + "，但" + place.how() + "，改由街道派遣");
		}
		return new Route(null, null, null, why + "，但" + place.how() + "，待人工派遣");
	}

	private static String levelName(String level) {
		return switch (level) {
			case "GRID" -> "网格";
			case "COMMUNITY" -> "社区";
			case "STREET" -> "街道";
			default -> "职能部门";
		};
	}

}
