package org.gongzhi.area.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.gongzhi.area.domain.GridIndex.Shape;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GridIndexTest {

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private static final WKTReader WKT = new WKTReader(GEOMETRY);

	@Test
	void locatesPointsInsideTheirGrid() {
		GridIndex index = GridIndex.build(List.of(shape("G-01", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
				shape("G-02", "POLYGON ((1 0, 2 0, 2.5 1.5, 1 1, 1 0))")));

		assertThat(index.size()).isEqualTo(2);
		assertThat(index.locate(0.5, 0.5)).isZero();
		assertThat(index.locate(1.9, 0.9)).isEqualTo(1);
		assertThat(index.locateCode(1.9, 0.9)).isEqualTo("G-02");
		assertThat(index.shape(1).code()).isEqualTo("G-02");
	}

	@Test
	void pointsOutsideEveryGridAreNotLocated() {
		GridIndex index = GridIndex.build(List.of(shape("G-01", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
				shape("G-02", "POLYGON ((1 0, 2 0, 2.5 1.5, 1 1, 1 0))")));

		assertThat(index.locate(5, 5)).isEqualTo(-1);
		assertThat(index.locateCode(5, 5)).isNull();
		assertThat(index.locate(2.4, 0.2)).isEqualTo(-1);
		assertThat(index.locate(-0.000001, 0.5)).isEqualTo(-1);
		assertThat(index.locate(Double.NaN, 0.5)).isEqualTo(-1);
	}

	@Test
	void pointOnASharedEdgeGoesToTheSmallestCode() {
		GridIndex index = GridIndex.build(List.of(shape("B", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"),
				shape("A", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"), shape("C", "POLYGON ((0 1, 1 1, 1 2, 0 2, 0 1))"),
				shape("D", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))")));

		assertThat(index.locateCode(1, 0.5)).isEqualTo("A");
		assertThat(index.locate(1, 0.5)).isEqualTo(1);
		assertThat(index.locateCode(1, 1)).isEqualTo("A");
		assertThat(index.locateCode(1.5, 1)).isEqualTo("B");
		assertThat(index.locateCode(1, 1.5)).isEqualTo("C");
		assertThat(index.locateCode(2, 2)).isEqualTo("D");
		assertThat(index.locateCode(0, 0)).isEqualTo("A");
	}

	@Test
	void pointInAHoleIsNotLocatedButItsRimIs() {
		GridIndex index = GridIndex.build(
				List.of(shape("ring", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 7 3, 5 7, 3 3))")));

		assertThat(index.locate(5, 4)).isEqualTo(-1);
		assertThat(index.locate(1, 1)).isZero();
		assertThat(index.locate(5, 3)).isZero();
		assertThat(index.locate(3, 3)).isZero();
	}

	@Test
	void anIslandFillingAHoleOwnsItsInside() {
		GridIndex index = GridIndex.build(
				List.of(shape("B-outer", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 7 3, 5 7, 3 3))"),
						shape("C-island", "POLYGON ((3 3, 7 3, 5 7, 3 3))")));

		assertThat(index.locateCode(5, 4)).isEqualTo("C-island");
		assertThat(index.locateCode(5, 3)).isEqualTo("B-outer");
		assertThat(index.locateCode(9, 9)).isEqualTo("B-outer");
	}

	@Test
	void locatesInTheSecondPartOfAMultiPolygon() {
		GridIndex index = GridIndex.build(List.of(shape("A", "POLYGON ((20 20, 21 20, 21 21, 20 21, 20 20))"),
				shape("M", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((10 10, 12 10, 11 12, 10 10)))")));

		assertThat(index.locateCode(11, 11)).isEqualTo("M");
		assertThat(index.locate(11, 11)).isEqualTo(1);
		assertThat(index.locateCode(0.5, 0.5)).isEqualTo("M");
		assertThat(index.locate(5, 5)).isEqualTo(-1);
	}

	@Test
	void overlappingGridsResolveToTheSmallestCodeCoveringThePoint() {
		List<Shape> shapes = List.of(shape("B-big", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"),
				shape("A-diamond", "POLYGON ((5 3, 7 5, 5 7, 3 5, 5 3))"),
				shape("C-strip", "POLYGON ((-1 4.5, 11 4.2, 11 5.5, -1 5.8, -1 4.5))"));
		GridIndex index = GridIndex.build(shapes);

		assertThat(index.locateCode(5, 5)).isEqualTo("A-diamond");
		assertThat(index.locateCode(1, 1)).isEqualTo("B-big");
		assertThat(index.locateCode(-0.5, 5)).isEqualTo("C-strip");
		Random random = new Random(7);
		for (int i = 0; i < 2000; i++) {
			double x = -2 + random.nextDouble() * 14;
			double y = -2 + random.nextDouble() * 14;
			assertThat(index.locate(x, y)).as("%s,%s", x, y).isEqualTo(bruteForce(shapes, x, y));
		}
	}

	@Test
	void smallGridsFarApartAreAllFound() {
		GridIndex index = GridIndex.build(List.of(shape("X1", "POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0.001, 0 0))"),
				shape("X2", "POLYGON ((100 50, 100.001 50, 100.0005 50.001, 100 50))"),
				shape("X3", "POLYGON ((-70 -40, -69.999 -40, -69.999 -39.999, -70 -40))")));

		assertThat(index.locateCode(0.0005, 0.0005)).isEqualTo("X1");
		assertThat(index.locateCode(100.0005, 50.0005)).isEqualTo("X2");
		assertThat(index.locateCode(-69.9995, -39.9999)).isEqualTo("X3");
		assertThat(index.locateCode(-69.9995, -39.9991)).isNull();
		assertThat(index.locateCode(50, 5)).isNull();
	}

	@Test
	void emptyIndexLocatesNothing() {
		assertThat(GridIndex.empty().size()).isZero();
		assertThat(GridIndex.empty().locate(0, 0)).isEqualTo(-1);
		assertThat(GridIndex.empty().locateCode(0, 0)).isNull();
		GridIndex built = GridIndex.build(List.of());
		assertThat(built.size()).isZero();
		assertThat(built.locate(120.1, 30.2)).isEqualTo(-1);
		GridIndex onlyEmpty = GridIndex.build(List.of(shape("E", "POLYGON EMPTY")));
		assertThat(onlyEmpty.size()).isEqualTo(1);
		assertThat(onlyEmpty.locate(0, 0)).isEqualTo(-1);
	}

	@Test
	void rejectsGeometriesThatAreNoArea() {
		assertThatIllegalArgumentException().isThrownBy(() -> shape("P", "POINT (1 1)"));
		assertThatIllegalArgumentException().isThrownBy(() -> shape("L", "LINESTRING (0 0, 1 1)"));
	}

	@Test
	void agreesWithABruteForceCoversScanOnAnIrregularTiling() {
		Random random = new Random(20240611L);
		Tiling tiling = Tiling.of(random, 24, 16);
		assertThat(tiling.shapes).allSatisfy(shape -> assertThat(shape.geometry().isValid()).isTrue());
		GridIndex index = GridIndex.build(tiling.shapes);
		assertThat(index.size()).isEqualTo(tiling.shapes.size());

		List<double[]> points = new ArrayList<>();
		for (int i = 0; i < 2500; i++) {
			points.add(new double[] { -0.5 + random.nextDouble() * (tiling.cols + 1),
					-0.5 + random.nextDouble() * (tiling.rows + 1) });
		}
		for (int i = 0; i < 600; i++) {
			points.add(tiling.vertex(random.nextInt(tiling.cols + 1), random.nextInt(tiling.rows + 1)).clone());
		}
		for (int i = 0; i < 600; i++) {
			int c = random.nextInt(tiling.cols);
			int r = random.nextInt(tiling.rows);
			double[] a = tiling.vertex(c, r);
			double[] b = random.nextBoolean() ? tiling.vertex(c + 1, r) : tiling.vertex(c, r + 1);
			double t = random.nextInt(9) / 8.0;
			points.add(new double[] { a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]) });
		}
		for (int i = 0; i < 300; i++) {
			double[] v = tiling.vertex(random.nextInt(tiling.cols + 1), random.nextInt(tiling.rows + 1));
			points.add(new double[] { v[0] + (random.nextDouble() - 0.5) * 2, v[1] });
		}
		for (double[] hole : tiling.holeVertices) {
			points.add(hole.clone());
		}
		int located = 0;
		int mismatches = 0;
		List<String> examples = new ArrayList<>();
		for (double[] p : points) {
			int expected = bruteForce(tiling.shapes, p[0], p[1]);
			int actual = index.locate(p[0], p[1]);
			if (expected != actual) {
				mismatches++;
				if (examples.size() < 5) {
					examples.add(p[0] + "," + p[1] + " expected " + expected + " got " + actual);
				}
			}
			located += (expected >= 0) ? 1 : 0;
		}
		assertThat(examples).as("mismatches (%d in all)", mismatches).isEmpty();
		assertThat(located).as("the sample exercises the index").isGreaterThan(points.size() / 2);
	}

	private static int bruteForce(List<Shape> shapes, double x, double y) {
		Point point = GEOMETRY.createPoint(new Coordinate(x, y));
		int best = -1;
		for (int i = 0; i < shapes.size(); i++) {
			Shape shape = shapes.get(i);
			if (shape.geometry().covers(point) && (best < 0 || shape.code().compareTo(shapes.get(best).code()) < 0)) {
				best = i;
			}
		}
		return best;
	}

	private static Shape shape(String code, String wkt) {
		try {
			return new Shape(code, WKT.read(wkt));
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(wkt, ex);
		}
	}

	/**
	 * A lattice of quadrilaterals whose shared vertices are jittered, so the cells tile the plane without gaps but
	 * none is a rectangle. A few cells carry a hole filled by an island grid, two cells far apart form one
	 * MultiPolygon, and the codes are shuffled so that code order differs from insertion order.
	 */
	private record Tiling(int cols, int rows, double[][] vertices, List<Shape> shapes, List<double[]> holeVertices) {

		static Tiling of(Random random, int cols, int rows) {
			double[][] vertices = new double[(cols + 1) * (rows + 1)][];
			for (int r = 0; r <= rows; r++) {
				for (int c = 0; c <= cols; c++) {
					vertices[r * (cols + 1) + c] = new double[] { c + (random.nextDouble() - 0.5) * 0.6,
							r + (random.nextDouble() - 0.5) * 0.6 };
				}
			}
			List<String> codes = new ArrayList<>();
			for (int i = 0; i < cols * rows; i++) {
				codes.add(String.format("G%04d", random.nextInt(10_000)));
			}
			Collections.shuffle(codes, random);
			Tiling tiling = new Tiling(cols, rows, vertices, new ArrayList<>(), new ArrayList<>());
			Polygon multiFirst = null;
			for (int r = 0; r < rows; r++) {
				for (int c = 0; c < cols; c++) {
					Coordinate[] shell = { tiling.coordinate(c, r), tiling.coordinate(c + 1, r),
							tiling.coordinate(c + 1, r + 1), tiling.coordinate(c, r + 1), tiling.coordinate(c, r) };
					String code = codes.get(r * cols + c);
					if (r == 2 && c == 3) {
						multiFirst = GEOMETRY.createPolygon(shell);
						continue;
					}
					if (r == rows - 3 && c == cols - 2) {
						Geometry multi = GEOMETRY
							.createMultiPolygon(new Polygon[] { multiFirst, GEOMETRY.createPolygon(shell) });
						tiling.shapes.add(new Shape(code, multi));
						continue;
					}
					if ((r * cols + c) % 37 == 5) {
						tiling.addWithIsland(code, shell, random);
						continue;
					}
					tiling.shapes.add(new Shape(code, GEOMETRY.createPolygon(shell)));
				}
			}
			return tiling;
		}

		double[] vertex(int c, int r) {
			return vertices[r * (cols + 1) + c];
		}

		Coordinate coordinate(int c, int r) {
			double[] v = vertex(c, r);
			return new Coordinate(v[0], v[1]);
		}

		void addWithIsland(String code, Coordinate[] shell, Random random) {
			double cx = 0;
			double cy = 0;
			for (int i = 0; i < 4; i++) {
				cx += shell[i].x / 4;
				cy += shell[i].y / 4;
			}
			Coordinate[] hole = new Coordinate[] { new Coordinate(cx - 0.1, cy - 0.1), new Coordinate(cx + 0.12, cy),
					new Coordinate(cx, cy + 0.1), new Coordinate(cx - 0.1, cy - 0.1) };
			for (int i = 0; i < 3; i++) {
				holeVertices.add(new double[] { hole[i].x, hole[i].y });
			}
			LinearRing holeRing = GEOMETRY.createLinearRing(hole);
			shapes.add(new Shape(code, GEOMETRY.createPolygon(GEOMETRY.createLinearRing(shell),
					new LinearRing[] { holeRing })));
			if (random.nextBoolean()) {
				shapes.add(new Shape("I" + code, GEOMETRY.createPolygon(hole)));
			}
		}

	}

}
