package org.gongzhi.area.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.shared.Masking;
import org.gongzhi.area.AreaAdministration;
import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.area.GridLocation;
import org.gongzhi.area.GridsChanged;
import org.gongzhi.area.NewArea;
import org.gongzhi.area.StaffDuty;
import org.gongzhi.area.StaffMember;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.ScopeAreaCatalog;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.shared.DomainException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the area backbone within a caller's data scope, assigns staff to areas, and serves other modules through
 * {@link Areas}, {@link AreaAdministration} and identity's {@link ScopeAreaCatalog}. An area outside the caller's scope
 * is answered exactly like one that does not exist.
 */
@Service
public class AreaService implements Areas, AreaAdministration, ScopeAreaCatalog {

	static final Set<AreaLevel> TREE_LEVELS = EnumSet.of(AreaLevel.DISTRICT, AreaLevel.STREET, AreaLevel.COMMUNITY,
			AreaLevel.GRID);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AreaRepository areas;

	private final GridLocator locator;

	private final UserDirectory users;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	AreaService(AreaRepository areas, GridLocator locator, UserDirectory users, AuditLog audit,
			ApplicationEventPublisher events) {
		this.areas = areas;
		this.locator = locator;
		this.users = users;
		this.audit = audit;
		this.events = events;
	}

	/** A node of the area tree (district, street, community, grid). */
	public record TreeNode(String code, String name, AreaLevel level, String gridType, List<TreeNode> children) {
	}

	/** A grid with its polygon and the people on it. */
	public record GridDetail(AreaView grid, AreaView community, String geojson, List<StaffMember> staff) {
	}

	/** A search hit with the names of its ancestors. */
	public record AreaHit(AreaView area, String pathNames) {
	}

	// scoped reads for pages and the API

	@Transactional(readOnly = true)
	public AreaView get(DataScope scope, String code) {
		return areas.find(code).filter(a -> scope.covers(a.code()))
			.orElseThrow(() -> DomainException.notFound("area.notFound", code));
	}

	@Transactional(readOnly = true)
	public List<AreaView> children(DataScope scope, String code) {
		get(scope, code);
		return areas.children(code);
	}

	@Transactional(readOnly = true)
	public List<AreaView> pathWithin(DataScope scope, String code) {
		return path(code).stream().filter(a -> scope.covers(a.code())).toList();
	}

	@Transactional(readOnly = true)
	public List<TreeNode> tree(DataScope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		String prefix = scope.all() ? "" : scope.areaCode();
		List<AreaView> all = areas.subtree(prefix, TREE_LEVELS);
		Map<String, List<AreaView>> byParent = new LinkedHashMap<>();
		List<AreaView> roots = new ArrayList<>();
		for (AreaView a : all) {
			if (scope.all() ? a.parentCode() == null : a.code().equals(scope.areaCode())) {
				roots.add(a);
			}
			else {
				byParent.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a);
			}
		}
		return roots.stream().map(r -> node(r, byParent)).toList();
	}

	private TreeNode node(AreaView a, Map<String, List<AreaView>> byParent) {
		List<TreeNode> children = byParent.getOrDefault(a.code(), List.of()).stream().map(c -> node(c, byParent))
			.toList();
		return new TreeNode(a.code(), a.name(), a.level(), a.gridType(), children);
	}

	@Transactional(readOnly = true)
	public List<AreaHit> search(DataScope scope, String q, int limit) {
		if (scope.isEmpty() || q == null || q.isBlank()) {
			return List.of();
		}
		List<AreaView> hits = areas.search(scope.all() ? "" : scope.areaCode(), q.strip(), limit);
		Set<String> ancestorCodes = new java.util.HashSet<>();
		hits.forEach(h -> ancestors(h.code()).forEach(ancestorCodes::add));
		Map<String, String> names = new java.util.HashMap<>();
		areas.findAll(ancestorCodes).forEach(a -> names.put(a.code(), a.name()));
		return hits.stream().map(h -> new AreaHit(h, String.join(" / ", ancestors(h.code()).stream()
			.filter(c -> !c.equals(h.code()) && names.containsKey(c)).map(names::get).toList()))).toList();
	}

	/** Communities in the scope (or containing it, for a grid-scoped user) offered on the map page. */
	@Transactional(readOnly = true)
	public List<AreaView> communities(DataScope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		if (!scope.all() && scope.areaCode().length() > AreaLevel.COMMUNITY.codeLength()) {
			return areas.find(scope.areaCode().substring(0, AreaLevel.COMMUNITY.codeLength())).stream().toList();
		}
		return areas.subtree(scope.all() ? "" : scope.areaCode(), EnumSet.of(AreaLevel.COMMUNITY));
	}

	/** Grids of a community the caller may see, with polygons and staff (the map page). */
	@Transactional(readOnly = true)
	public List<GridDetail> mapGrids(DataScope scope, String communityCode) {
		AreaView community = areas.find(communityCode)
			.filter(c -> c.level() == AreaLevel.COMMUNITY && (scope.covers(c.code()) || scope.isAncestorOfRoot(c.code())))
			.orElseThrow(() -> DomainException.notFound("area.notFound", communityCode));
		Map<String, List<StaffMember>> staff = new java.util.HashMap<>();
		areas.staffUnder(community.code(), EnumSet.of(StaffDuty.GRID_WORKER_FULL, StaffDuty.GRID_WORKER_PART))
			.forEach(s -> staff.computeIfAbsent(s.areaCode(), k -> new ArrayList<>()).add(s));
		Map<String, String> polygons = new java.util.HashMap<>();
		areas.gridBoundaries(community.code()).forEach(b -> polygons.put(b.code(), b.geojson()));
		return areas.children(community.code()).stream()
			.filter(g -> g.level() == AreaLevel.GRID && scope.covers(g.code()) && polygons.containsKey(g.code()))
			.map(g -> new GridDetail(g, community, polygons.get(g.code()), staff.getOrDefault(g.code(), List.of())))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<String> communityBoundary(DataScope scope, String communityCode) {
		return areas.boundary(communityCode);
	}

	@Transactional(readOnly = true)
	public GridDetail grid(DataScope scope, String code) {
		AreaView grid = get(scope, code);
		if (grid.level() != AreaLevel.GRID) {
			throw DomainException.notFound("area.notFound", code);
		}
		AreaView community = areas.find(grid.parentCode()).orElseThrow();
		String geojson = areas.boundary(code).orElse(null);
		return new GridDetail(grid, community, geojson, areas.staff(code));
	}

	@Transactional(readOnly = true)
	public long count(DataScope scope, AreaLevel level) {
		if (scope.isEmpty()) {
			return 0;
		}
		return areas.count(scope.all() ? "" : scope.areaCode(), level);
	}

	@Override
	@Transactional(readOnly = true)
	public long count(String codePrefix, AreaLevel level) {
		return areas.count(codePrefix, level);
	}

	@Override
	@Transactional(readOnly = true)
	public String gridOutlines(String streetOrCommunityCode) {
		ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
		ArrayNode features = collection.putArray("features");
		Optional<AreaView> area = streetOrCommunityCode == null ? Optional.empty()
				: areas.find(streetOrCommunityCode)
					.filter(a -> a.level() == AreaLevel.STREET || a.level() == AreaLevel.COMMUNITY);
		if (area.isPresent()) {
			Map<String, AreaView> named = new java.util.HashMap<>();
			areas.subtree(area.get().code(), EnumSet.of(AreaLevel.COMMUNITY, AreaLevel.GRID))
				.forEach(a -> named.put(a.code(), a));
			for (AreaRepository.StoredBoundary b : areas.gridBoundaries(area.get().code())) {
				AreaView grid = named.get(b.code());
				AreaView community = grid == null ? null : named.get(grid.parentCode());
				ObjectNode feature = features.addObject().put("type", "Feature");
				feature.set("geometry", JSON.readTree(b.geojson()));
				feature.putObject("properties").put("code", b.code()).put("name", grid == null ? b.code() : grid.name())
					.put("communityName", community == null ? null : community.name());
			}
		}
		return JSON.writeValueAsString(collection);
	}

	@Override
	@Transactional(readOnly = true)
	public List<StaffMember> assignmentsOf(long userId) {
		return areas.staffOfUser(userId);
	}

	@Transactional(readOnly = true)
	public List<UserSummary> assignableGridWorkers(DataScope scope, String gridCode) {
		get(scope, gridCode);
		return users.findAssignable(Role.GRID_WORKER, gridCode);
	}

	@Transactional
	public void assignUser(DataScope scope, String areaCode, StaffDuty duty, long userId) {
		AreaView area = get(scope, areaCode);
		checkDutyLevel(area, duty);
		UserSummary user = users.findById(userId).filter(UserSummary::enabled)
			.orElseThrow(() -> DomainException.invalid("userId", "staff.user.unknown"));
		if (duty == StaffDuty.GRID_WORKER_FULL || duty == StaffDuty.GRID_WORKER_PART) {
			if (!user.roles().contains(Role.GRID_WORKER)) {
				throw DomainException.invalid("userId", "staff.user.notGridWorker");
			}
			if (users.findAssignable(Role.GRID_WORKER, areaCode).stream().noneMatch(c -> c.id() == userId)) {
				throw DomainException.invalid("userId", "staff.user.outOfScope");
			}
		}
		if (areas.assignmentExists(areaCode, duty, userId)) {
			throw DomainException.invalid("userId", "staff.user.already");
		}
		areas.assign(areaCode, duty, userId, user.displayName(), user.phoneMasked(), currentActor());
		audit.record("staff.assign", "area", areaCode, duty + " user=" + user.username());
	}

	@Transactional
	public void assignPerson(DataScope scope, String areaCode, StaffDuty duty, String name, String phone) {
		AreaView area = get(scope, areaCode);
		checkDutyLevel(area, duty);
		if (name == null || name.isBlank() || name.strip().length() > 50) {
			throw DomainException.invalid("name", "staff.name.required");
		}
		if (phone != null && !phone.isBlank() && !phone.strip().matches("1\\d{10}")) {
			throw DomainException.invalid("phone", "user.phone.pattern");
		}
		areas.assign(areaCode, duty, null, name.strip(), Masking.phone(phone), currentActor());
		audit.record("staff.assign", "area", areaCode, duty + " person=" + name.strip());
	}

	@Transactional
	public void unassign(DataScope scope, long assignmentId) {
		StaffMember member = areas.staffById(assignmentId).filter(s -> scope.covers(s.areaCode()))
			.orElseThrow(() -> DomainException.notFound("staff.notFound"));
		areas.unassign(assignmentId);
		audit.record("staff.unassign", "area", member.areaCode(), member.duty() + " " + member.name());
	}

	private static void checkDutyLevel(AreaView area, StaffDuty duty) {
		if (duty.level() != area.level()) {
			throw DomainException.invalid("duty", "staff.duty.wrongLevel");
		}
	}

	private static String currentActor() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

	private static List<String> ancestors(String code) {
		List<String> codes = new ArrayList<>();
		for (AreaLevel level : AreaLevel.values()) {
			if (code.length() >= level.codeLength()) {
				codes.add(code.substring(0, level.codeLength()));
			}
		}
		return codes;
	}

	// Areas

	@Override
	@Transactional(readOnly = true)
	public Optional<AreaView> find(String code) {
		return areas.find(code);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AreaView> children(String code) {
		return areas.children(code);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AreaView> path(String code) {
		List<AreaView> found = new ArrayList<>(areas.findAll(ancestors(code)));
		found.sort(java.util.Comparator.comparingInt(a -> a.code().length()));
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AreaView> ofLevel(AreaLevel level) {
		return areas.subtree("", EnumSet.of(level));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AreaView> matchAddress(String address) {
		if (address == null || address.isBlank()) {
			return Optional.empty();
		}
		String text = address.replaceAll("\\s+", "");
		AreaView community = null;
		int best = 0;
		for (AreaView c : areas.subtree("", EnumSet.of(AreaLevel.COMMUNITY))) {
			String shortName = c.name().endsWith("社区") ? c.name().substring(0, c.name().length() - 2) : c.name();
			if (text.contains(shortName) && shortName.length() > best) {
				community = c;
				best = shortName.length();
			}
		}
		if (community == null) {
			return Optional.empty();
		}
		String rest = text.substring(text.indexOf(community.name().replace("社区", "")));
		AreaView building = null;
		for (AreaView b : areas.subtree(community.code(), EnumSet.of(AreaLevel.BUILDING))) {
			if (rest.contains(b.name()) && (building == null || b.name().length() > building.name().length())) {
				building = b;
			}
		}
		return Optional.of(building != null ? building : community);
	}

	@Override
	public Optional<GridLocation> locate(double lng, double lat) {
		return locator.locate(lng, lat);
	}

	@Override
	@Transactional(readOnly = true)
	public List<StaffMember> staff(String areaCode) {
		return areas.staff(areaCode);
	}

	// AreaAdministration

	@Override
	@Transactional(readOnly = true)
	public boolean exists(String code) {
		return areas.find(code).isPresent();
	}

	@Override
	@Transactional
	public void createAll(List<NewArea> list, Map<String, Geometry> boundaries) {
		areas.insertAll(list);
		boundaries.forEach((code, g) -> {
			Envelope e = g.getEnvelopeInternal();
			areas.saveBoundary(code, GeoJson.write(g), e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
		});
		areas.bumpGridIndexVersion();
		audit.record("area.createAll", "area", list.isEmpty() ? null : list.get(0).code(), "areas=" + list.size());
		list.stream().filter(a -> a.level() == AreaLevel.COMMUNITY).forEach(c -> events.publishEvent(
				new GridsChanged(c.code(), list.stream().filter(g -> c.code().equals(g.parentCode())
						&& g.level() == AreaLevel.GRID).map(NewArea::code).toList())));
		GridImporter.refreshAfterCommit(locator);
	}

	@Override
	@Transactional
	public void assign(String areaCode, StaffDuty duty, Long userId, String name, String phoneMasked) {
		areas.assign(areaCode, duty, userId, name, phoneMasked, currentActor());
	}

	// ScopeAreaCatalog

	@Override
	@Transactional(readOnly = true)
	public Optional<String> scopeRootName(String code) {
		return areas.find(code).filter(a -> TREE_LEVELS.contains(a.level())).map(AreaView::name);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ScopeRoot> scopeRoots() {
		return areas.subtree("", TREE_LEVELS).stream()
			.sorted(java.util.Comparator.comparing(AreaView::code))
			.map(a -> new ScopeRoot(a.code(), a.name(), a.level().ordinal())).toList();
	}

}
