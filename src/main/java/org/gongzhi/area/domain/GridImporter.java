package org.gongzhi.area.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.GridsChanged;
import org.gongzhi.area.NewArea;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.DataScope;
import org.gongzhi.shared.DomainException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the grid polygons of one community from a GeoJSON FeatureCollection (网格导入). Every feature is checked
 * first (code pattern and prefix, duplicates, geometry validity, overlaps with each other and with neighbouring grids);
 * any problem refuses the whole import with the full list, so nothing is half-imported.
 */
@Service
public class GridImporter {

	/** Overlaps smaller than this (square degrees, about 1 m²) are numerical noise along shared edges. */
	static final double OVERLAP_TOLERANCE = 1e-10;

	static final Set<String> GRID_TYPES = Set.of("RESIDENTIAL", "COMMERCIAL", "MIXED", "PUBLIC");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AreaRepository areas;

	private final GridLocator locator;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	GridImporter(AreaRepository areas, GridLocator locator, AuditLog audit, ApplicationEventPublisher events,
			MessageSource messages) {
		this.areas = areas;
		this.locator = locator;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
	}

	private record Candidate(int index, String code, String name, String type, Geometry geometry) {
	}

	@Transactional
	public GridImportReport importGrids(DataScope scope, String communityCode, String body) {
		AreaView community = areas.find(communityCode == null ? "" : communityCode)
			.filter(a -> a.level() == AreaLevel.COMMUNITY && scope.covers(a.code()))
			.orElseThrow(() -> DomainException.notFound("area.community.notFound"));
		JsonNode root;
		try {
			root = JSON.readTree(body == null ? "" : body);
		}
		catch (JacksonException ex) {
			throw refuse(List.of(new GridImportProblem(null, null, null, msg("grid.import.notJson"))));
		}
		if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asString(""))
				|| !root.path("features").isArray()) {
			throw refuse(List.of(new GridImportProblem(null, null, null, msg("grid.import.notCollection"))));
		}
		if (root.path("features").isEmpty()) {
			throw refuse(List.of(new GridImportProblem(null, null, null, msg("grid.import.empty"))));
		}
		List<GridImportProblem> problems = new ArrayList<>();
		List<Candidate> candidates = parse(root.path("features"), community.code(), problems);
		checkDuplicates(candidates, problems);
		checkOverlaps(candidates, problems);
		if (!problems.isEmpty()) {
			throw refuse(problems);
		}
		return apply(community, candidates);
	}

	private List<Candidate> parse(JsonNode features, String communityCode, List<GridImportProblem> problems) {
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < features.size(); i++) {
			JsonNode f = features.get(i);
			JsonNode props = f.path("properties");
			String code = props.path("code").isValueNode() ? props.path("code").asString("").strip() : "";
			String name = props.path("name").isValueNode() ? props.path("name").asString("").strip() : "";
			String type = props.path("type").isValueNode() ? props.path("type").asString("").strip()
				.toUpperCase(Locale.ROOT) : "";
			int before = problems.size();
			if (!"Feature".equals(f.path("type").asString(""))) {
				problems.add(new GridImportProblem(i, code, "type", msg("grid.import.notFeature")));
			}
			if (code.isEmpty()) {
				problems.add(new GridImportProblem(i, null, "code", msg("grid.import.codeMissing")));
			}
			else if (!code.matches("\\d{15}")) {
				problems.add(new GridImportProblem(i, code, "code", msg("grid.import.codePattern")));
			}
			else if (!code.startsWith(communityCode)) {
				problems.add(new GridImportProblem(i, code, "code", msg("grid.import.codePrefix", communityCode)));
			}
			if (name.isEmpty()) {
				problems.add(new GridImportProblem(i, code, "name", msg("grid.import.nameMissing")));
			}
			else if (name.length() > 50) {
				problems.add(new GridImportProblem(i, code, "name", msg("grid.import.nameLong")));
			}
			if (!type.isEmpty() && !GRID_TYPES.contains(type)) {
				problems.add(new GridImportProblem(i, code, "type", msg("grid.import.typeUnknown", type)));
			}
			Geometry geometry = geometry(i, code, f.path("geometry"), problems);
			if (problems.size() == before) {
				candidates.add(new Candidate(i, code, name, type.isEmpty() ? null : type, geometry));
			}
			else if (geometry != null && !code.isEmpty()) {
				candidates.add(new Candidate(i, code, name, null, geometry));
			}
		}
		return candidates;
	}

	private Geometry geometry(int i, String code, JsonNode node, List<GridImportProblem> problems) {
		if (node.isMissingNode() || node.isNull()) {
			problems.add(new GridImportProblem(i, code, "geometry", msg("grid.import.geometryMissing")));
			return null;
		}
		String type = node.path("type").asString("");
		if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
			problems.add(new GridImportProblem(i, code, "geometry", msg("grid.import.geometryType", type)));
			return null;
		}
		Geometry g;
		try {
			g = GeoJson.read(node.toString());
		}
		catch (ParseException | RuntimeException ex) {
			problems.add(new GridImportProblem(i, code, "geometry", msg("grid.import.geometryUnreadable")));
			return null;
		}
		if (!(g instanceof Polygon || g instanceof MultiPolygon) || g.isEmpty()) {
			problems.add(new GridImportProblem(i, code, "geometry", msg("grid.import.geometryUnreadable")));
			return null;
		}
		Envelope e = g.getEnvelopeInternal();
		if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
			problems.add(new GridImportProblem(i, code, "geometry", msg("grid.import.outOfRange")));
			return null;
		}
		TopologyValidationError error = new IsValidOp(g).getValidationError();
		if (error != null) {
			problems.add(new GridImportProblem(i, code, "geometry", msg("grid.import.geometryInvalid",
					error.getMessage(), fmt(error.getCoordinate().getX()), fmt(error.getCoordinate().getY()))));
			return null;
		}
		return g;
	}

	private void checkDuplicates(List<Candidate> candidates, List<GridImportProblem> problems) {
		Map<String, List<Candidate>> byCode = new HashMap<>();
		candidates.forEach(c -> byCode.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c));
		byCode.values().stream().filter(l -> l.size() > 1).forEach(l -> l.forEach(c -> problems.add(
				new GridImportProblem(c.index(), c.code(), "code", msg("grid.import.duplicate", c.code())))));
	}

	private void checkOverlaps(List<Candidate> candidates, List<GridImportProblem> problems) {
		STRtree tree = new STRtree();
		candidates.forEach(c -> tree.insert(c.geometry().getEnvelopeInternal(), c));
		for (Candidate a : candidates) {
			for (Object o : tree.query(a.geometry().getEnvelopeInternal())) {
				Candidate b = (Candidate) o;
				if (b.index() > a.index() && overlaps(a.geometry(), b.geometry())) {
					problems.add(new GridImportProblem(a.index(), a.code(), "geometry",
							msg("grid.import.overlap", b.code(), b.index() + 1)));
					problems.add(new GridImportProblem(b.index(), b.code(), "geometry",
							msg("grid.import.overlap", a.code(), a.index() + 1)));
				}
			}
		}
		Set<String> importing = new LinkedHashSet<>();
		candidates.forEach(c -> importing.add(c.code()));
		for (Candidate c : candidates) {
			Envelope e = c.geometry().getEnvelopeInternal();
			for (AreaRepository.StoredBoundary existing : areas.gridBoundariesNear(e.getMinX(), e.getMinY(),
					e.getMaxX(), e.getMaxY())) {
				if (!importing.contains(existing.code())
						&& overlaps(c.geometry(), GeoJson.readStored(existing.geojson()))) {
					problems.add(new GridImportProblem(c.index(), c.code(), "geometry",
							msg("grid.import.overlapExisting", existing.code())));
				}
			}
		}
	}

	static boolean overlaps(Geometry a, Geometry b) {
		return a.intersects(b) && a.intersection(b).getArea() > OVERLAP_TOLERANCE;
	}

	private GridImportReport apply(AreaView community, List<Candidate> candidates) {
		List<String> created = new ArrayList<>();
		List<String> updated = new ArrayList<>();
		int sort = areas.children(community.code()).size();
		for (Candidate given : candidates) {
			String geojson = GeoJson.write(given.geometry());
			Optional<AreaView> existing = areas.find(given.code());
			Candidate c = given.type() == null && existing.isPresent()
					? new Candidate(given.index(), given.code(), given.name(), existing.get().gridType(), given.geometry())
					: given;
			if (existing.isPresent()) {
				if (unchanged(existing.get(), c, geojson)) {
					continue;
				}
				areas.updateGrid(c.code(), c.name(), c.type());
				updated.add(c.code());
			}
			else {
				areas.insert(new NewArea(c.code(), community.code(), AreaLevel.GRID, c.name(), ++sort, c.type()));
				created.add(c.code());
			}
			Envelope e = c.geometry().getEnvelopeInternal();
			areas.saveBoundary(c.code(), geojson, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
		}
		List<GridImportReport.Gap> gaps = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		areas.boundary(community.code()).map(GeoJson::readStored).ifPresent(boundary -> {
			Geometry union = GeoJson.FACTORY.buildGeometry(areas.gridBoundaries(community.code()).stream()
				.map(b -> GeoJson.readStored(b.geojson())).toList()).union();
			Geometry uncovered = boundary.difference(union);
			for (int i = 0; i < uncovered.getNumGeometries(); i++) {
				Geometry part = uncovered.getGeometryN(i);
				if (part.getArea() > OVERLAP_TOLERANCE) {
					Point p = part.getInteriorPoint();
					gaps.add(new GridImportReport.Gap(Math.round(squareMetres(part)), round(p.getX()), round(p.getY())));
				}
			}
			for (Candidate c : candidates) {
				if (c.geometry().difference(boundary).getArea() > OVERLAP_TOLERANCE) {
					warnings.add(msg("grid.import.outsideCommunity", c.code()));
				}
			}
		});
		areas.bumpGridIndexVersion();
		audit.record("grid.import", "community", community.code(),
				"features=" + candidates.size() + "; created=" + created + "; updated=" + updated);
		events.publishEvent(new GridsChanged(community.code(), candidates.stream().map(Candidate::code).toList()));
		refreshAfterCommit(locator);
		return new GridImportReport(community.code(), candidates.size(), created, updated, gaps, warnings);
	}

	/** Whether the stored grid already has the candidate's name, type and polygon (as stored, to 7 decimals). */
	private boolean unchanged(AreaView grid, Candidate c, String geojson) {
		return Objects.equals(grid.name(), c.name()) && Objects.equals(grid.gridType(), c.type())
				&& areas.boundary(c.code())
					.map(stored -> GeoJson.readStored(stored).equalsTopo(GeoJson.readStored(geojson)))
					.orElse(false);
	}

	static void refreshAfterCommit(GridLocator locator) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					locator.refresh();
				}
			});
		}
		else {
			locator.refresh();
		}
	}

	/** Rough area in m² of a small lng/lat polygon (equirectangular at its latitude). */
	static double squareMetres(Geometry g) {
		double lat = Math.toRadians(g.getCentroid().getY());
		double metresPerDegree = 111_320.0;
		return g.getArea() * metresPerDegree * metresPerDegree * Math.cos(lat);
	}

	private static double round(double v) {
		return Math.round(v * 1e7) / 1e7;
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.7f", v);
	}

	private DomainException refuse(List<GridImportProblem> problems) {
		return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "grid.import.refused", null, problems,
				problems.size());
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
