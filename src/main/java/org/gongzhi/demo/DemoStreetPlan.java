package org.gongzhi.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A fictional but realistic street (示范区 / 和平街道, six communities down to single rooms, with
 * gap-free boundary polygons and building locations), generated without a database so that every
 * installation can load the same demo data on first start.
 */
public final class DemoStreetPlan {

    public enum Level {
        DISTRICT(6), STREET(9), COMMUNITY(12), GRID(15), BUILDING(18), UNIT(20), ROOM(24);

        private final int codeLength;

        Level(int codeLength) {
            this.codeLength = codeLength;
        }

        public int codeLength() {
            return codeLength;
        }
    }

    public record Area(String code, String parentCode, Level level, String name, int sort) {
    }

    public record Boundary(String code, Polygon polygon) {
    }

    public record GridInfo(String code, String type) {
    }

    public record Point(String code, double lng, double lat) {
    }

    public static final String DISTRICT_CODE = "110199";
    public static final String DISTRICT_NAME = "示范区";
    public static final String STREET_CODE = DISTRICT_CODE + "001";
    public static final String STREET_NAME = "和平街道";

    private final List<Area> areas;
    private final List<Boundary> boundaries;
    private final List<GridInfo> grids;
    private final List<Point> buildingPoints;

    private DemoStreetPlan(List<Area> areas, List<Boundary> boundaries, List<GridInfo> grids,
            List<Point> buildingPoints) {
        this.areas = List.copyOf(areas);
        this.boundaries = List.copyOf(boundaries);
        this.grids = List.copyOf(grids);
        this.buildingPoints = List.copyOf(buildingPoints);
    }

    public static DemoStreetPlan generate(long seed) {
        return new Generator(new Random(seed)).run();
    }

    /** All areas of every level, parents before children. */
    public List<Area> areas() {
        return areas;
    }

    /** Polygons of the street, then of each community, then of each grid. */
    public List<Boundary> boundaries() {
        return boundaries;
    }

    public List<GridInfo> grids() {
        return grids;
    }

    public List<Point> buildingPoints() {
        return buildingPoints;
    }

    public String streetCode() {
        return STREET_CODE;
    }

    private static final class Generator {

        private static final int COLS = 9;
        private static final int ROWS = 6;
        private static final int BLOCK = 3;
        private static final double WEST = 116.4045;
        private static final double SOUTH = 39.9545;
        private static final double COL_WIDTH = 0.0030;
        private static final double ROW_HEIGHT = 0.0033;
        private static final double SHEAR = 0.06;
        private static final double SITE_MARGIN = 0.00012;
        private static final double SITE_SPACING = 0.00030;
        private static final int[] TOWER_FLOORS = {9, 11, 12, 14, 16, 18};
        private static final int MIN_BUILDINGS = 285;
        private static final int MAX_BUILDINGS = 315;

        private static final List<String> COMMUNITY_NAMES = List.of(
                "安和里", "润泽园", "青禾湖", "晨曦里", "枣林坊", "北槐桥", "福康里", "柳泉苑", "嘉禾里", "文华坊");
        private static final List<String> COMPOUND_SUFFIXES = List.of(
                "小区", "东区", "西区", "南区", "北区", "一区", "二区", "三区");
        private static final List<String> PUBLIC_SUFFIXES = List.of("公园片区", "文体活动区", "公共服务区");

        private final Random rnd;
        private final PrecisionModel precision = new PrecisionModel(1e7);
        private final GeometryFactory factory = new GeometryFactory(precision, 4326);
        private final Coordinate[][] vertices = new Coordinate[COLS + 1][ROWS + 1];

        private final List<Area> communities = new ArrayList<>();
        private final List<Area> gridAreas = new ArrayList<>();
        private final List<Area> buildings = new ArrayList<>();
        private final List<Area> units = new ArrayList<>();
        private final List<Area> rooms = new ArrayList<>();
        private final List<Boundary> communityBoundaries = new ArrayList<>();
        private final List<Boundary> gridBoundaries = new ArrayList<>();
        private final List<GridInfo> gridInfos = new ArrayList<>();
        private final List<Point> points = new ArrayList<>();
        private final List<GridPlan> gridPlans = new ArrayList<>();

        private record GridPlan(String code, String type, Polygon polygon) {

            int minBuildings() {
                return switch (type) {
                    case "RESIDENTIAL" -> 6;
                    case "MIXED" -> 5;
                    case "COMMERCIAL" -> 3;
                    default -> 1;
                };
            }

            int maxBuildings() {
                return switch (type) {
                    case "RESIDENTIAL" -> 9;
                    case "MIXED" -> 7;
                    case "COMMERCIAL" -> 5;
                    default -> 2;
                };
            }
        }

        Generator(Random rnd) {
            this.rnd = rnd;
        }

        DemoStreetPlan run() {
            buildLattice();
            boolean[][] inStreet = streetCells();
            List<int[]> streetCells = new ArrayList<>();
            for (int c = 0; c < COLS; c++) {
                for (int r = 0; r < ROWS; r++) {
                    if (inStreet[c][r]) {
                        streetCells.add(new int[] {c, r});
                    }
                }
            }
            List<String> names = new ArrayList<>(COMMUNITY_NAMES);
            Collections.shuffle(names, rnd);

            int seq = 0;
            for (int blockRow = ROWS / BLOCK - 1; blockRow >= 0; blockRow--) {
                for (int blockCol = 0; blockCol < COLS / BLOCK; blockCol++) {
                    List<int[]> cells = new ArrayList<>();
                    for (int r = (blockRow + 1) * BLOCK - 1; r >= blockRow * BLOCK; r--) {
                        for (int c = blockCol * BLOCK; c < (blockCol + 1) * BLOCK; c++) {
                            if (inStreet[c][r]) {
                                cells.add(new int[] {c, r});
                            }
                        }
                    }
                    seq++;
                    community(seq, names.get(seq - 1), cells);
                }
            }
            int[] counts = buildingCounts();
            String community = "";
            int buildingNo = 0;
            for (int g = 0; g < gridPlans.size(); g++) {
                GridPlan plan = gridPlans.get(g);
                String parent = plan.code().substring(0, Level.COMMUNITY.codeLength());
                if (!parent.equals(community)) {
                    community = parent;
                    buildingNo = 0;
                }
                buildingNo = buildings(plan, counts[g], buildingNo);
            }

            List<Area> all = new ArrayList<>();
            all.add(new Area(DISTRICT_CODE, null, Level.DISTRICT, DISTRICT_NAME, 1));
            all.add(new Area(STREET_CODE, DISTRICT_CODE, Level.STREET, STREET_NAME, 1));
            all.addAll(communities);
            all.addAll(gridAreas);
            all.addAll(buildings);
            all.addAll(units);
            all.addAll(rooms);
            List<Boundary> allBoundaries = new ArrayList<>();
            allBoundaries.add(new Boundary(STREET_CODE, polygonOf(streetCells)));
            allBoundaries.addAll(communityBoundaries);
            allBoundaries.addAll(gridBoundaries);
            return new DemoStreetPlan(all, allBoundaries, gridInfos, points);
        }

        private void buildLattice() {
            double[] xs = new double[COLS + 1];
            double[] ys = new double[ROWS + 1];
            xs[0] = WEST;
            ys[0] = SOUTH;
            for (int i = 0; i < COLS; i++) {
                xs[i + 1] = xs[i] + COL_WIDTH + rnd.nextDouble() * 0.0006;
            }
            for (int j = 0; j < ROWS; j++) {
                ys[j + 1] = ys[j] + ROW_HEIGHT + rnd.nextDouble() * 0.0008;
            }
            for (int i = 0; i <= COLS; i++) {
                for (int j = 0; j <= ROWS; j++) {
                    boolean outline = i == 0 || i == COLS || j == 0 || j == ROWS;
                    boolean road = i % BLOCK == 0 || j % BLOCK == 0;
                    double amplitude = outline ? 0.12 : road ? 0.05 : 0.20;
                    double y = ys[j] + (rnd.nextDouble() * 2 - 1) * amplitude * ROW_HEIGHT;
                    double x = xs[i] + (rnd.nextDouble() * 2 - 1) * amplitude * COL_WIDTH + (y - SOUTH) * SHEAR;
                    vertices[i][j] = new Coordinate(precision.makePrecise(x), precision.makePrecise(y));
                }
            }
        }

        private boolean[][] streetCells() {
            boolean[][] in = new boolean[COLS][ROWS];
            for (boolean[] column : in) {
                Arrays.fill(column, true);
            }
            List<int[]> corners = new ArrayList<>(List.of(
                    new int[] {0, 0}, new int[] {COLS - 1, 0}, new int[] {0, ROWS - 1}, new int[] {COLS - 1, ROWS - 1}));
            Collections.shuffle(corners, rnd);
            for (int k = 0; k < 2; k++) {
                in[corners.get(k)[0]][corners.get(k)[1]] = false;
            }
            return in;
        }

        private void community(int seq, String baseName, List<int[]> cells) {
            String code = STREET_CODE + pad(seq, 3);
            communities.add(new Area(code, STREET_CODE, Level.COMMUNITY, baseName + "社区", seq));
            communityBoundaries.add(new Boundary(code, polygonOf(cells)));

            List<List<int[]>> parts = splitIntoGrids(cells);
            String[] types = gridTypes(parts.size());
            List<String> compounds = new ArrayList<>(COMPOUND_SUFFIXES);
            Collections.shuffle(compounds, rnd);
            for (int g = 0; g < parts.size(); g++) {
                String gridCode = code + pad(g + 1, 3);
                String type = types[g];
                String name = switch (type) {
                    case "COMMERCIAL" -> baseName + "商业街区";
                    case "PUBLIC" -> baseName + PUBLIC_SUFFIXES.get(rnd.nextInt(PUBLIC_SUFFIXES.size()));
                    case "RESIDENTIAL" -> rnd.nextBoolean() && !compounds.isEmpty()
                            ? baseName + compounds.remove(0)
                            : baseName + "第" + (g + 1) + "网格";
                    default -> baseName + "第" + (g + 1) + "网格";
                };
                Polygon polygon = polygonOf(parts.get(g));
                gridAreas.add(new Area(gridCode, code, Level.GRID, name, g + 1));
                gridBoundaries.add(new Boundary(gridCode, polygon));
                gridInfos.add(new GridInfo(gridCode, type));
                gridPlans.add(new GridPlan(gridCode, type, polygon));
            }
        }

        private List<List<int[]>> splitIntoGrids(List<int[]> cells) {
            int min = Math.max(7, cells.size() - 2);
            int target = min + rnd.nextInt(cells.size() - min + 1);
            List<List<int[]>> parts = new ArrayList<>();
            for (int[] cell : cells) {
                parts.add(new ArrayList<>(List.of(cell)));
            }
            while (parts.size() > target) {
                int a = rnd.nextInt(parts.size());
                if (parts.get(a).size() > 1) {
                    continue;
                }
                int[] cell = parts.get(a).get(0);
                List<Integer> neighbours = new ArrayList<>();
                for (int b = 0; b < parts.size(); b++) {
                    List<int[]> other = parts.get(b);
                    if (other.size() == 1 && Math.abs(other.get(0)[0] - cell[0]) + Math.abs(other.get(0)[1] - cell[1]) == 1) {
                        neighbours.add(b);
                    }
                }
                if (neighbours.isEmpty()) {
                    continue;
                }
                int b = neighbours.get(rnd.nextInt(neighbours.size()));
                parts.get(a).addAll(parts.get(b));
                parts.remove(b);
            }
            parts.sort(Comparator.<List<int[]>>comparingInt(p -> -p.stream().mapToInt(c -> c[1]).max().orElseThrow())
                    .thenComparingInt(p -> p.stream().mapToInt(c -> c[0]).min().orElseThrow()));
            return parts;
        }

        private String[] gridTypes(int count) {
            List<String> types = new ArrayList<>();
            types.add("COMMERCIAL");
            if (rnd.nextBoolean()) {
                types.add("PUBLIC");
            }
            int mixed = 1 + rnd.nextInt(2);
            for (int k = 0; k < mixed; k++) {
                types.add("MIXED");
            }
            while (types.size() < count) {
                types.add("RESIDENTIAL");
            }
            Collections.shuffle(types, rnd);
            return types.toArray(new String[0]);
        }

        private int[] buildingCounts() {
            int[] counts = new int[gridPlans.size()];
            int total = 0;
            for (int g = 0; g < counts.length; g++) {
                GridPlan plan = gridPlans.get(g);
                counts[g] = plan.minBuildings() + rnd.nextInt(plan.maxBuildings() - plan.minBuildings() + 1);
                total += counts[g];
            }
            while (total < MIN_BUILDINGS || total > MAX_BUILDINGS) {
                int g = rnd.nextInt(counts.length);
                GridPlan plan = gridPlans.get(g);
                if (total < MIN_BUILDINGS && counts[g] < plan.maxBuildings()) {
                    counts[g]++;
                    total++;
                } else if (total > MAX_BUILDINGS && counts[g] > plan.minBuildings()) {
                    counts[g]--;
                    total--;
                }
            }
            return counts;
        }

        private int buildings(GridPlan grid, int count, int lastNo) {
            String gridCode = grid.code();
            String type = grid.type();
            List<Coordinate> sites = sites(grid.polygon(), count);
            int no = lastNo;
            for (int b = 0; b < sites.size(); b++) {
                no++;
                String code = gridCode + pad(b + 1, 3);
                buildings.add(new Area(code, gridCode, Level.BUILDING, no + "号楼", b + 1));
                points.add(new Point(code, sites.get(b).x, sites.get(b).y));
                boolean walkUp = switch (type) {
                    case "RESIDENTIAL" -> rnd.nextDouble() < 0.65;
                    case "MIXED" -> rnd.nextBoolean();
                    case "COMMERCIAL" -> false;
                    default -> true;
                };
                int floors = walkUp ? 6 : TOWER_FLOORS[rnd.nextInt(TOWER_FLOORS.length)];
                int unitCount = walkUp ? 2 + rnd.nextInt(3) : 1 + rnd.nextInt(2);
                int perFloor = walkUp ? 2 + rnd.nextInt(2) : 2 + rnd.nextInt(3);
                if ("PUBLIC".equals(type)) {
                    unitCount = 1;
                }
                for (int u = 1; u <= unitCount; u++) {
                    String unitCode = code + pad(u, 2);
                    units.add(new Area(unitCode, code, Level.UNIT, u + "单元", u));
                    int sort = 0;
                    for (int floor = 1; floor <= floors; floor++) {
                        for (int room = 1; room <= perFloor; room++) {
                            String number = floor + pad(room, 2);
                            rooms.add(new Area(unitCode + pad(floor * 100 + room, 4), unitCode, Level.ROOM,
                                    number, ++sort));
                        }
                    }
                }
            }
            return no;
        }

        private List<Coordinate> sites(Polygon polygon, int count) {
            var envelope = polygon.getEnvelopeInternal();
            var ring = polygon.getExteriorRing();
            List<Coordinate> sites = new ArrayList<>();
            double spacing = SITE_SPACING;
            int attempts = 0;
            while (sites.size() < count) {
                if (++attempts % 400 == 0) {
                    spacing *= 0.8;
                }
                Coordinate c = new Coordinate(
                        precision.makePrecise(envelope.getMinX() + rnd.nextDouble() * envelope.getWidth()),
                        precision.makePrecise(envelope.getMinY() + rnd.nextDouble() * envelope.getHeight()));
                var site = factory.createPoint(c);
                if (!polygon.contains(site) || ring.distance(site) < SITE_MARGIN) {
                    continue;
                }
                if (farFromAll(c, sites, spacing)) {
                    sites.add(c);
                }
            }
            sites.sort(Comparator.comparingDouble((Coordinate c) -> -c.y).thenComparingDouble(c -> c.x));
            return sites;
        }

        /** Outline of a set of edge-connected lattice cells, traced counter-clockwise over shared vertices. */
        private Polygon polygonOf(List<int[]> cells) {
            Set<Long> edges = new LinkedHashSet<>();
            for (int[] cell : cells) {
                int[] corners = {
                    key(cell[0], cell[1]), key(cell[0] + 1, cell[1]),
                    key(cell[0] + 1, cell[1] + 1), key(cell[0], cell[1] + 1)};
                for (int k = 0; k < 4; k++) {
                    int from = corners[k];
                    int to = corners[(k + 1) % 4];
                    if (!edges.remove(edge(to, from))) {
                        edges.add(edge(from, to));
                    }
                }
            }
            Map<Integer, Integer> next = new HashMap<>();
            for (long e : edges) {
                next.put((int) (e >> 32), (int) e);
            }
            int start = next.keySet().stream().min(Integer::compare).orElseThrow();
            List<Coordinate> ring = new ArrayList<>();
            int current = start;
            do {
                ring.add(new Coordinate(vertex(current)));
                current = next.get(current);
            } while (current != start);
            ring.add(new Coordinate(vertex(start)));
            return factory.createPolygon(ring.toArray(new Coordinate[0]));
        }

        private static boolean farFromAll(Coordinate candidate, List<Coordinate> sites, double spacing) {
            for (Coordinate site : sites) {
                if (site.distance(candidate) < spacing) {
                    return false;
                }
            }
            return true;
        }

        private static String pad(int value, int width) {
            String digits = Integer.toString(value);
            return "0".repeat(Math.max(0, width - digits.length())) + digits;
        }

        private static int key(int i, int j) {
            return j * (COLS + 1) + i;
        }

        private static long edge(int from, int to) {
            return ((long) from << 32) | to;
        }

        private Coordinate vertex(int key) {
            return vertices[key % (COLS + 1)][key / (COLS + 1)];
        }
    }
}
