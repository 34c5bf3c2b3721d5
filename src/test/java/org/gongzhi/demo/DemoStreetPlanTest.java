package org.gongzhi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongzhi.demo.DemoStreetPlan.Area;
import org.gongzhi.demo.DemoStreetPlan.Boundary;
import org.gongzhi.demo.DemoStreetPlan.GridInfo;
import org.gongzhi.demo.DemoStreetPlan.Level;
import org.gongzhi.demo.DemoStreetPlan.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class DemoStreetPlanTest {

    private static final double OVERLAP_TOLERANCE = 1e-12;
    private static final double UNION_TOLERANCE = 1e-10;

    private final GeometryFactory factory = new GeometryFactory();

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 2024L, -7L})
    void producesAStreetOfRealisticSize(long seed) {
        DemoStreetPlan plan = DemoStreetPlan.generate(seed);
        Map<Level, Long> counts = plan.areas().stream()
                .collect(Collectors.groupingBy(Area::level, Collectors.counting()));

        assertThat(counts.get(Level.DISTRICT)).isEqualTo(1);
        assertThat(counts.get(Level.STREET)).isEqualTo(1);
        assertThat(counts.get(Level.COMMUNITY)).isEqualTo(6);
        assertThat(counts.get(Level.GRID)).isBetween(40L, 56L);
        assertThat(counts.get(Level.BUILDING)).isBetween(250L, 350L);
        assertThat(counts.get(Level.UNIT)).isBetween(counts.get(Level.BUILDING), 4 * counts.get(Level.BUILDING));
        assertThat(counts.get(Level.ROOM)).isBetween(8_000L, 25_000L);
        assertThat(plan.streetCode()).isEqualTo("110199001");

        Map<String, Long> gridsPerCommunity = areasAt(plan, Level.GRID).stream()
                .collect(Collectors.groupingBy(Area::parentCode, Collectors.counting()));
        assertThat(gridsPerCommunity).hasSize(6).allSatisfy((community, grids) -> assertThat(grids).isBetween(7L, 9L));
    }

    @Test
    void buildingsUnitsAndRoomsHaveResidentNames() {
        DemoStreetPlan plan = DemoStreetPlan.generate(42L);
        Map<String, Area> byCode = byCode(plan);
        Map<String, Long> unitsPerBuilding = areasAt(plan, Level.UNIT).stream()
                .collect(Collectors.groupingBy(Area::parentCode, Collectors.counting()));

        assertThat(areasAt(plan, Level.COMMUNITY)).allSatisfy(a -> assertThat(a.name()).endsWith("社区"));
        assertThat(areasAt(plan, Level.BUILDING)).allSatisfy(a -> assertThat(a.name()).matches("\\d+号楼"));
        assertThat(areasAt(plan, Level.UNIT)).allSatisfy(a -> assertThat(a.name()).matches("[1-4]单元"));
        assertThat(unitsPerBuilding.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 4L));
        assertThat(areasAt(plan, Level.ROOM)).allSatisfy(room -> {
            int floor = Integer.parseInt(room.code().substring(20, 22));
            int number = Integer.parseInt(room.code().substring(22));
            assertThat(room.name()).isEqualTo(floor + "%02d".formatted(number));
            assertThat(floor).isBetween(1, 18);
            assertThat(number).isBetween(1, 4);
        });

        Map<String, Set<Integer>> floorsPerBuilding = new HashMap<>();
        for (Area room : areasAt(plan, Level.ROOM)) {
            String building = byCode.get(room.parentCode()).parentCode();
            floorsPerBuilding.computeIfAbsent(building, b -> new HashSet<>())
                    .add(Integer.parseInt(room.code().substring(20, 22)));
        }
        assertThat(floorsPerBuilding).hasSize(areasAt(plan, Level.BUILDING).size());
        assertThat(floorsPerBuilding.values()).allSatisfy(floors -> assertThat(floors.size()).isBetween(6, 18));

        List<String> gridNames = areasAt(plan, Level.GRID).stream().map(a -> a.parentCode() + a.name()).toList();
        assertThat(gridNames).doesNotHaveDuplicates();
    }

    @Test
    void codesNestUnderTheirParents() {
        DemoStreetPlan plan = DemoStreetPlan.generate(42L);
        List<Area> areas = plan.areas();
        Set<String> seen = new HashSet<>();

        assertThat(areas.get(0)).isEqualTo(new Area("110199", null, Level.DISTRICT, "示范区", 1));
        for (Area area : areas) {
            assertThat(area.code()).as(area.toString())
                    .matches("\\d+")
                    .hasSize(area.level().codeLength());
            if (area.level() != Level.DISTRICT) {
                assertThat(seen).as("parent listed before %s", area).contains(area.parentCode());
                assertThat(area.code()).startsWith(area.parentCode());
                assertThat(area.parentCode()).hasSize(Level.values()[area.level().ordinal() - 1].codeLength());
            }
            assertThat(seen.add(area.code())).as("unique code %s", area.code()).isTrue();
        }
    }

    @Test
    void boundariesAndMetadataCoverTheRightAreas() {
        DemoStreetPlan plan = DemoStreetPlan.generate(42L);
        Set<String> expected = plan.areas().stream()
                .filter(a -> a.level() == Level.STREET || a.level() == Level.COMMUNITY || a.level() == Level.GRID)
                .map(Area::code)
                .collect(Collectors.toSet());
        Set<String> gridCodes = areasAt(plan, Level.GRID).stream().map(Area::code).collect(Collectors.toSet());
        Set<String> buildingCodes = areasAt(plan, Level.BUILDING).stream().map(Area::code).collect(Collectors.toSet());

        assertThat(plan.boundaries()).extracting(Boundary::code).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(plan.grids()).extracting(GridInfo::code).containsExactlyInAnyOrderElementsOf(gridCodes);
        assertThat(plan.grids()).extracting(GridInfo::type)
                .allMatch(t -> Set.of("RESIDENTIAL", "COMMERCIAL", "MIXED", "PUBLIC").contains(t))
                .contains("RESIDENTIAL", "COMMERCIAL", "MIXED");
        assertThat(plan.buildingPoints()).extracting(Point::code).containsExactlyInAnyOrderElementsOf(buildingCodes);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 2024L, -7L})
    void polygonsAreValidCounterClockwiseAndInBeijing(long seed) {
        DemoStreetPlan plan = DemoStreetPlan.generate(seed);

        assertThat(plan.boundaries()).allSatisfy(b -> {
            Polygon polygon = b.polygon();
            assertThat(polygon.isValid()).as("valid %s", b.code()).isTrue();
            assertThat(polygon.getNumInteriorRing()).isZero();
            assertThat(Orientation.isCCW(polygon.getExteriorRing().getCoordinates())).as("ccw %s", b.code()).isTrue();
            for (Coordinate c : polygon.getCoordinates()) {
                assertThat(c.x).isBetween(116.40, 116.44);
                assertThat(c.y).isBetween(39.95, 39.98);
                assertThat(BigDecimal.valueOf(c.x).scale()).isLessThanOrEqualTo(7);
                assertThat(BigDecimal.valueOf(c.y).scale()).isLessThanOrEqualTo(7);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 2024L, -7L})
    void gridsTileEachCommunityAndCommunitiesTileTheStreet(long seed) {
        DemoStreetPlan plan = DemoStreetPlan.generate(seed);
        Map<String, Polygon> polygons = polygons(plan);

        List<Polygon> communities = areasAt(plan, Level.COMMUNITY).stream().map(a -> polygons.get(a.code())).toList();
        assertTiles(polygons.get(plan.streetCode()), communities);

        for (Area community : areasAt(plan, Level.COMMUNITY)) {
            List<Polygon> grids = areasAt(plan, Level.GRID).stream()
                    .filter(g -> g.parentCode().equals(community.code()))
                    .map(g -> polygons.get(g.code()))
                    .toList();
            assertTiles(polygons.get(community.code()), grids);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 2024L, -7L})
    void everyBuildingStandsInsideItsGrid(long seed) {
        DemoStreetPlan plan = DemoStreetPlan.generate(seed);
        Map<String, Polygon> polygons = polygons(plan);
        Map<String, Area> byCode = byCode(plan);

        assertThat(plan.buildingPoints()).allSatisfy(p -> {
            Polygon grid = polygons.get(byCode.get(p.code()).parentCode());
            assertThat(grid.contains(factory.createPoint(new Coordinate(p.lng(), p.lat()))))
                    .as("building %s inside its grid", p.code()).isTrue();
        });
    }

    @Test
    void sameSeedGivesIdenticalPlan() {
        DemoStreetPlan first = DemoStreetPlan.generate(2024L);
        DemoStreetPlan second = DemoStreetPlan.generate(2024L);
        DemoStreetPlan other = DemoStreetPlan.generate(2025L);

        assertThat(second.areas()).isEqualTo(first.areas());
        assertThat(second.grids()).isEqualTo(first.grids());
        assertThat(second.buildingPoints()).isEqualTo(first.buildingPoints());
        assertThat(second.boundaries()).hasSameSizeAs(first.boundaries());
        for (int i = 0; i < first.boundaries().size(); i++) {
            Boundary a = first.boundaries().get(i);
            Boundary b = second.boundaries().get(i);
            assertThat(b.code()).isEqualTo(a.code());
            assertThat(b.polygon().equalsExact(a.polygon())).as("same polygon %s", a.code()).isTrue();
        }
        assertThat(other.buildingPoints()).isNotEqualTo(first.buildingPoints());
    }

    private void assertTiles(Polygon whole, List<Polygon> parts) {
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                assertThat(parts.get(i).intersection(parts.get(j)).getArea())
                        .as("overlap of parts %d and %d", i, j)
                        .isLessThan(OVERLAP_TOLERANCE);
            }
        }
        Geometry union = UnaryUnionOp.union(parts);
        assertThat(union.getArea()).isCloseTo(whole.getArea(), within(UNION_TOLERANCE));
        assertThat(union.symDifference(whole).getArea()).isLessThan(UNION_TOLERANCE);
        assertThat(parts.stream().mapToDouble(Geometry::getArea).sum()).isCloseTo(whole.getArea(), within(UNION_TOLERANCE));
    }

    private static List<Area> areasAt(DemoStreetPlan plan, Level level) {
        return plan.areas().stream().filter(a -> a.level() == level).toList();
    }

    private static Map<String, Area> byCode(DemoStreetPlan plan) {
        return plan.areas().stream().collect(Collectors.toMap(Area::code, Function.identity()));
    }

    private static Map<String, Polygon> polygons(DemoStreetPlan plan) {
        return plan.boundaries().stream().collect(Collectors.toMap(Boundary::code, Boundary::polygon));
    }
}
