package org.gongzhi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gongzhi.area.domain.GridIndex;
import org.gongzhi.area.domain.GridIndex.Shape;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded point-to-grid lookups against {@link GridIndex} over synthetic irregular grids; the requirement is
 * at least 1,000,000 lookups per second with 100,000 grids. Correctness and build time are checked by
 * {@link GridLocateCheck}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GridLocateBenchmark {

	static final long SEED = 20240611L;

	private static final int POINTS = 1 << 20;

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	@Param("100000")
	int grids;

	private GridIndex index;

	private double[] lng;

	private double[] lat;

	@State(Scope.Thread)
	public static class Cursor {

		int next;

	}

	@Setup
	public void setUp() {
		List<Shape> shapes = syntheticGrids(grids, SEED);
		index = GridIndex.build(shapes);
		double[][] points = randomPoints(shapes, POINTS, SEED + 1);
		lng = points[0];
		lat = points[1];
	}

	@Benchmark
	public int locate(Cursor cursor) {
		int i = cursor.next;
		cursor.next = (i + 1) & (POINTS - 1);
		return index.locate(lng[i], lat[i]);
	}

	/**
	 * A lattice of {@code count} quadrilateral grids around Beijing, columns and rows 300–500 m apart, every lattice
	 * vertex jittered and every lattice edge bent through three jittered points; neighbours share those vertices, so
	 * the grids tile the region without gaps or overlaps, each a 16-vertex irregular polygon.
	 */
	static List<Shape> syntheticGrids(int count, long seed) {
		Random random = new Random(seed);
		int cols = (int) Math.ceil(Math.sqrt(count));
		int rows = (count + cols - 1) / cols;
		double lat0 = 39.5;
		double metresPerDegLat = 111_320.0;
		double metresPerDegLng = metresPerDegLat * Math.cos(Math.toRadians(lat0 + rows * 400 / metresPerDegLat / 2));
		double[] xs = new double[cols + 1];
		double[] ys = new double[rows + 1];
		for (int c = 1; c <= cols; c++) {
			xs[c] = xs[c - 1] + 300 + random.nextDouble() * 200;
		}
		for (int r = 1; r <= rows; r++) {
			ys[r] = ys[r - 1] + 300 + random.nextDouble() * 200;
		}
		double[][] vertices = new double[(cols + 1) * (rows + 1)][];
		for (int r = 0; r <= rows; r++) {
			for (int c = 0; c <= cols; c++) {
				vertices[r * (cols + 1) + c] = new double[] { xs[c] + jitter(random, 70), ys[r] + jitter(random, 70) };
			}
		}
		double[][][] horizontal = new double[cols * (rows + 1)][][];
		for (int r = 0; r <= rows; r++) {
			for (int c = 0; c < cols; c++) {
				horizontal[r * cols + c] = bend(vertices[r * (cols + 1) + c], vertices[r * (cols + 1) + c + 1], random);
			}
		}
		double[][][] vertical = new double[(cols + 1) * rows][][];
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c <= cols; c++) {
				vertical[r * (cols + 1) + c] = bend(vertices[r * (cols + 1) + c], vertices[(r + 1) * (cols + 1) + c],
						random);
			}
		}
		List<Shape> shapes = new ArrayList<>(count);
		for (int r = 0; r < rows && shapes.size() < count; r++) {
			for (int c = 0; c < cols && shapes.size() < count; c++) {
				List<double[]> ring = new ArrayList<>(17);
				appendEdge(ring, horizontal[r * cols + c], false);
				appendEdge(ring, vertical[r * (cols + 1) + c + 1], false);
				appendEdge(ring, horizontal[(r + 1) * cols + c], true);
				appendEdge(ring, vertical[r * (cols + 1) + c], true);
				Coordinate[] shell = new Coordinate[ring.size() + 1];
				for (int i = 0; i < ring.size(); i++) {
					double[] m = ring.get(i);
					shell[i] = new Coordinate(116.0 + m[0] / metresPerDegLng, lat0 + m[1] / metresPerDegLat);
				}
				shell[ring.size()] = shell[0].copy();
				shapes.add(new Shape(String.format("110105%03d%03d", r, c), GEOMETRY.createPolygon(shell)));
			}
		}
		return shapes;
	}

	/** {@code count} uniform random points over the shapes' extent widened by 1% (a few fall outside every grid). */
	static double[][] randomPoints(List<Shape> shapes, int count, long seed) {
		Envelope extent = new Envelope();
		for (Shape shape : shapes) {
			extent.expandToInclude(shape.geometry().getEnvelopeInternal());
		}
		extent.expandBy(extent.getWidth() * 0.01, extent.getHeight() * 0.01);
		Random random = new Random(seed);
		double[] lng = new double[count];
		double[] lat = new double[count];
		for (int i = 0; i < count; i++) {
			lng[i] = extent.getMinX() + random.nextDouble() * extent.getWidth();
			lat[i] = extent.getMinY() + random.nextDouble() * extent.getHeight();
		}
		return new double[][] { lng, lat };
	}

	private static double jitter(Random random, double amplitude) {
		return (random.nextDouble() * 2 - 1) * amplitude;
	}

	/** The edge from a to b with three interior points shifted sideways by up to 20 m. */
	private static double[][] bend(double[] a, double[] b, Random random) {
		double dx = b[0] - a[0];
		double dy = b[1] - a[1];
		double length = Math.hypot(dx, dy);
		double[][] points = new double[5][];
		points[0] = a;
		points[4] = b;
		for (int i = 1; i <= 3; i++) {
			double t = i / 4.0 + jitter(random, 0.05);
			double side = jitter(random, 20) / length;
			points[i] = new double[] { a[0] + t * dx - side * dy, a[1] + t * dy + side * dx };
		}
		return points;
	}

	private static void appendEdge(List<double[]> ring, double[][] edge, boolean reversed) {
		for (int i = 0; i < 4; i++) {
			ring.add(edge[reversed ? 4 - i : i]);
		}
	}

}
