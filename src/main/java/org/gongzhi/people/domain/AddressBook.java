package org.gongzhi.people.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.springframework.stereotype.Component;

/**
 * Standard addresses (标准地址) as the people module needs them, read through the area module's facade: a room's
 * address text, community and grid; resolving the community code, building, unit and room number of an import row;
 * and reading an address typed into the search box. Area names and trees are cached for a few minutes (they change
 * rarely, and a stale name only shows until the cache expires).
 */
@Component
class AddressBook {

	private static final long TTL_MILLIS = 5 * 60 * 1000L;

	private static final long FRESH_MILLIS = 10 * 1000L;

	private static final Pattern BUILDING = Pattern.compile("(\\d+)\\s*(号楼|号|栋|幢|座)");

	private static final Pattern UNIT = Pattern.compile("(\\d+)\\s*单元");

	private static final Pattern ROOM = Pattern.compile("(?:单元|-)\\s*(\\d{3,4})\\s*(?:室|号)?$");

	private static final Pattern DASHED = Pattern.compile("^(\\d+)-(\\d+)-(\\d{3,4})$");

	private final Areas areas;

	private final Map<String, Timed<?>> cache = new ConcurrentHashMap<>();

	AddressBook(Areas areas) {
		this.areas = areas;
	}

	/** Where a room is: its community and grid with their names, and the address text people read. */
	record Place(String roomCode, String communityCode, String communityName, String gridCode, String gridName,
			String address, String buildingName, String unitName, String roomName) {
	}

	/** The place of a room code, if it is a room of the area backbone (read from the cached trees). */
	Optional<Place> room(String roomCode) {
		if (roomCode == null || AreaLevel.ofCode(roomCode) != AreaLevel.ROOM || !roomCode.matches("\\d+")) {
			return Optional.empty();
		}
		String communityCode = roomCode.substring(0, AreaLevel.COMMUNITY.codeLength());
		AreaView community = community(communityCode).orElse(null);
		if (community == null) {
			return Optional.empty();
		}
		AreaView grid = grids(communityCode).get(roomCode.substring(0, AreaLevel.GRID.codeLength()));
		AreaView building = child(grid == null ? null : grid.code(), roomCode.substring(0, AreaLevel.BUILDING.codeLength()));
		AreaView unit = child(building == null ? null : building.code(), roomCode.substring(0, AreaLevel.UNIT.codeLength()));
		AreaView room = child(unit == null ? null : unit.code(), roomCode);
		if (room == null) {
			return Optional.empty();
		}
		return Optional.of(new Place(roomCode, community.code(), community.name(), grid.code(), grid.name(),
				community.name() + building.name() + unit.name() + room.name(), building.name(), unit.name(),
				room.name()));
	}

	private AreaView child(String parentCode, String code) {
		if (parentCode == null) {
			return null;
		}
		AreaView hit = childrenByCode(parentCode, false).get(code);
		return hit != null ? hit : childrenByCode(parentCode, true).get(code);
	}

	Optional<AreaView> community(String code) {
		return communities().stream().filter(c -> c.code().equals(code)).findFirst();
	}

	/** The grids of a community by code, cached. */
	Map<String, AreaView> grids(String communityCode) {
		return cached("grids:" + communityCode, false, () -> {
			Map<String, AreaView> byCode = new LinkedHashMap<>();
			areas.children(communityCode).stream().filter(g -> g.level() == AreaLevel.GRID)
				.forEach(g -> byCode.put(g.code(), g));
			return byCode;
		});
	}

	/** The children of an area by code, cached; fresh reloads when the cached copy is more than a few seconds old. */
	Map<String, AreaView> childrenByCode(String code, boolean fresh) {
		return cached("codes:" + code, fresh, () -> {
			Map<String, AreaView> byCode = new LinkedHashMap<>();
			areas.children(code).forEach(c -> byCode.put(c.code(), c));
			return byCode;
		});
	}

	/** The place of any area code at grid level or below (units of organisations may sit on a grid or building). */
	Optional<Place> area(String code) {
		AreaLevel level = AreaLevel.ofCode(code);
		if (level == null || level.ordinal() < AreaLevel.GRID.ordinal()) {
			return Optional.empty();
		}
		List<AreaView> path = areas.path(code);
		if (path.isEmpty() || !path.get(path.size() - 1).code().equals(code)) {
			return Optional.empty();
		}
		return Optional.of(placeOf(path));
	}

	private Place placeOf(List<AreaView> path) {
		String community = null;
		String communityName = null;
		String grid = null;
		String gridName = null;
		String[] names = new String[3];
		StringBuilder address = new StringBuilder();
		for (AreaView a : path) {
			switch (a.level()) {
				case COMMUNITY -> {
					community = a.code();
					communityName = a.name();
					address.append(a.name());
				}
				case GRID -> {
					grid = a.code();
					gridName = a.name();
				}
				case BUILDING, UNIT, ROOM -> {
					names[a.level().ordinal() - AreaLevel.BUILDING.ordinal()] = a.name();
					address.append(a.name());
				}
				default -> {
				}
			}
		}
		return new Place(path.get(path.size() - 1).code(), community, communityName, grid, gridName,
				address.toString(), names[0], names[1], names[2]);
	}

	/** The name of an area (community or grid names in lists), cached. */
	String name(String code) {
		if (code == null) {
			return null;
		}
		return cached("name:" + code, false, () -> areas.find(code).map(AreaView::name).orElse(code));
	}

	/** Communities of the backbone, cached. */
	List<AreaView> communities() {
		return cached("communities", false, () -> areas.ofLevel(AreaLevel.COMMUNITY));
	}

	/** The buildings of a community by their normalised name (3号楼 and 3 are the same), cached. */
	Map<String, AreaView> buildings(String communityCode) {
		return cached("buildings:" + communityCode, false, () -> {
			Map<String, AreaView> byName = new LinkedHashMap<>();
			for (AreaView grid : grids(communityCode).values()) {
				for (AreaView b : childrenByCode(grid.code(), false).values()) {
					byName.putIfAbsent(normalise(b.name()), b);
				}
			}
			return byName;
		});
	}

	/** The children of a building (units) or unit (rooms) by normalised name, cached. */
	Map<String, AreaView> childrenByName(String code) {
		return cached("children:" + code, false, () -> {
			Map<String, AreaView> byName = new LinkedHashMap<>();
			childrenByCode(code, false).values().forEach(c -> byName.putIfAbsent(normalise(c.name()), c));
			return byName;
		});
	}

	/** The result of resolving an import row's address: the room, or which part is unknown. */
	record Resolved(AreaView community, AreaView building, AreaView unit, AreaView room, String unknownPart) {
	}

	/** Resolves community code, building, unit and room number (as written in an import row) to a room. */
	Resolved resolve(String communityCode, String building, String unit, String room) {
		AreaView community = community(communityCode).orElse(null);
		if (community == null) {
			return new Resolved(null, null, null, null, "community");
		}
		AreaView b = buildings(community.code()).get(normalise(building));
		if (b == null) {
			return new Resolved(community, null, null, null, "building");
		}
		AreaView u = childrenByName(b.code()).get(normalise(unit));
		if (u == null) {
			return new Resolved(community, b, null, null, "unit");
		}
		AreaView r = childrenByName(u.code()).get(normalise(room));
		if (r == null) {
			return new Resolved(community, b, u, null, "room");
		}
		return new Resolved(community, b, u, r, null);
	}

	/** The address text of a resolved room, as room(code) would give it. */
	static String addressOf(Resolved r) {
		return r.community().name() + r.building().name() + r.unit().name() + r.room().name();
	}

	/**
	 * The deepest area an address text names within the backbone (a registered address such as
	 * 福康里社区3号楼1单元101): a room, unit, building or community, or nothing when no community is named.
	 */
	Optional<String> match(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String t = text.replaceAll("\\s+", "");
		AreaView community = null;
		int best = 0;
		for (AreaView c : communities()) {
			String shortName = shortName(c.name());
			if (shortName.length() > best && t.contains(shortName)) {
				community = c;
				best = shortName.length();
			}
		}
		if (community == null) {
			return Optional.empty();
		}
		List<String> prefixes = narrow(community, t.substring(t.indexOf(shortName(community.name()))));
		return Optional.of(prefixes.size() == 1 ? prefixes.get(0) : community.code());
	}

	/**
	 * The area code prefixes an address typed into the search box names (one per matching community), or nothing
	 * when the text does not look like an address: it names a community, or a building with a unit or room
	 * (3号楼1单元101, 3-1-101).
	 */
	List<String> searchPrefixes(String q) {
		String t = q.replaceAll("\\s+", "");
		Matcher dashed = DASHED.matcher(t);
		if (dashed.matches()) {
			t = dashed.group(1) + "号楼" + dashed.group(2) + "单元" + dashed.group(3);
		}
		List<AreaView> named = new ArrayList<>();
		int best = 0;
		for (AreaView c : communities()) {
			String shortName = shortName(c.name());
			if (t.contains(shortName)) {
				if (shortName.length() > best) {
					named.clear();
					best = shortName.length();
				}
				if (shortName.length() == best) {
					named.add(c);
				}
			}
		}
		boolean hasBuilding = BUILDING.matcher(t).find();
		if (named.isEmpty() && !(hasBuilding && (UNIT.matcher(t).find() || t.contains("号楼")))) {
			return List.of();
		}
		List<AreaView> in = named.isEmpty() ? communities() : named;
		List<String> prefixes = new ArrayList<>();
		for (AreaView c : in) {
			String rest = named.isEmpty() ? t : t.substring(t.indexOf(shortName(c.name())) + shortName(c.name()).length());
			List<String> narrowed = narrow(c, rest);
			if (!narrowed.isEmpty()) {
				prefixes.addAll(narrowed);
			}
		}
		return prefixes;
	}

	/** The codes below a community that the rest of an address names; the community itself when nothing more. */
	private List<String> narrow(AreaView community, String rest) {
		Matcher bm = BUILDING.matcher(rest);
		if (!bm.find()) {
			return List.of(community.code());
		}
		AreaView b = buildings(community.code()).get(bm.group(1));
		if (b == null) {
			return List.of();
		}
		String afterBuilding = rest.substring(bm.end());
		Matcher um = UNIT.matcher(afterBuilding);
		if (!um.find()) {
			return List.of(b.code());
		}
		AreaView u = childrenByName(b.code()).get(um.group(1));
		if (u == null) {
			return List.of();
		}
		Matcher rm = ROOM.matcher(afterBuilding);
		if (!rm.find()) {
			return List.of(u.code());
		}
		AreaView r = childrenByName(u.code()).get(rm.group(1));
		return r == null ? List.of() : List.of(r.code());
	}

	/** A building, unit or room name without its suffix: 3号楼, 3栋 and 3 are all 3; 1单元 is 1; 101室 is 101. */
	static String normalise(String name) {
		if (name == null) {
			return "";
		}
		String n = name.replaceAll("\\s+", "");
		String stripped = n.replaceFirst("(号楼|号|栋|幢|座|单元|室|楼)$", "");
		return stripped.isEmpty() ? n : stripped;
	}

	private static String shortName(String communityName) {
		return communityName.endsWith("社区") && communityName.length() > 2
				? communityName.substring(0, communityName.length() - 2) : communityName;
	}

	/** Forgets cached names and trees (after the area backbone changed). */
	void forget() {
		cache.clear();
	}

	@SuppressWarnings("unchecked")
	private <T> T cached(String key, boolean fresh, Supplier<T> load) {
		long now = System.currentTimeMillis();
		Timed<?> hit = cache.get(key);
		if (hit != null && now - hit.at < (fresh ? FRESH_MILLIS : TTL_MILLIS)) {
			return (T) hit.value;
		}
		T value = load.get();
		if (cache.size() > 20_000) {
			cache.clear();
		}
		cache.put(key, new Timed<>(value, now));
		return value;
	}

	private record Timed<T>(T value, long at) {
	}

}
