package org.gongzhi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.gongzhi.area.domain.GridIndex;
import org.gongzhi.area.domain.GridIndex.Shape;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Checks {@link GridIndex} on the synthetic grids of {@link GridLocateBenchmark}: build time (median of several
 * builds, requirement under 5 s) and every answer for random points against a JTS STRtree + {@code covers} scan.
 * Arguments: {@code [grids] [points] [builds]}, default 100000 200000 7. Exits non-zero on any mismatch.
 */
public final class GridLocateCheck {

	private GridLocateCheck() {
	}

	public static void main(String[] args) {
		int grids = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int pointCount = (args.length > 1) ? Integer.parseInt(args[1]) : 200_000;
		int builds = (args.length > 2) ? Integer.parseInt(args[2]) : 7;

		List<Shape> shapes = GridLocateBenchmark.syntheticGrids(grids, GridLocateBenchmark.SEED);
		long vertices = shapes.stream().mapToLong(shape -> shape.geometry().getNumPoints()).sum();
		System.out.printf("grids: %d (%d vertices)%n", shapes.size(), vertices);

		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double[] seconds = new double[builds];
		double[] cpuSeconds = new double[builds];
		GridIndex index = null;
		for (int b = 0; b < builds; b++) {
			long cpu = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			index = GridIndex.build(shapes);
			seconds[b] = (System.nanoTime() - start) / 1e9;
			cpuSeconds[b] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
		}
		System.out.printf("build: first (cold JVM) %.3f s wall, %.3f s cpu%n", seconds[0], cpuSeconds[0]);
		Arrays.sort(seconds);
		Arrays.sort(cpuSeconds);
		System.out.printf("build: median of %d %.3f s wall (min %.3f, max %.3f), %.3f s cpu%n", builds,
				seconds[builds / 2], seconds[0], seconds[builds - 1], cpuSeconds[builds / 2]);
		long invalid = shapes.stream().filter(shape -> !shape.geometry().isValid()).count();
		System.out.printf("grids that are not valid polygons: %d%n", invalid);

		STRtree tree = new STRtree();
		for (int i = 0; i < shapes.size(); i++) {
			tree.insert(shapes.get(i).geometry().getEnvelopeInternal(), i);
		}
		tree.build();
		double[][] points = GridLocateBenchmark.randomPoints(shapes, pointCount, GridLocateBenchmark.SEED + 2);
		int[] random = compare(index, shapes, tree, points[0], points[1]);
		System.out.printf("checked: %d random points (%d inside a grid), %d mismatches%n", pointCount, random[0],
				random[1]);
		double[][] corners = vertices(shapes, pointCount / 10, GridLocateBenchmark.SEED + 3);
		int[] boundary = compare(index, shapes, tree, corners[0], corners[1]);
		System.out.printf("checked: %d grid vertices (shared by up to 4 grids), %d mismatches%n", corners[0].length,
				boundary[1]);
		int mismatches = random[1] + boundary[1];

		int sink = 0;
		for (int p = 0; p < pointCount; p++) {
			sink += index.locate(points[0][p], points[1][p]);
		}
		long start = System.nanoTime();
		for (int round = 0; round < 20; round++) {
			for (int p = 0; p < pointCount; p++) {
				sink += index.locate(points[0][p], points[1][p]);
			}
		}
		double rate = 20.0 * pointCount / ((System.nanoTime() - start) / 1e9);
		System.out.printf("rough single-thread rate (use the JMH benchmark for the figure): %.0f lookups/s [%d]%n",
				rate, sink & 1);
		if (mismatches > 0 || invalid > 0) {
			System.exit(1);
		}
	}

	/** Per point, the brute-force answer against the index's; returns {points inside a grid, mismatches}. */
	private static int[] compare(GridIndex index, List<Shape> shapes, STRtree tree, double[] lng, double[] lat) {
		GeometryFactory geometry = new GeometryFactory();
		int located = 0;
		int mismatches = 0;
		for (int p = 0; p < lng.length; p++) {
			int expected = bruteForce(shapes, tree, geometry.createPoint(new Coordinate(lng[p], lat[p])));
			int actual = index.locate(lng[p], lat[p]);
			located += (expected >= 0) ? 1 : 0;
			if (expected != actual) {
				mismatches++;
				if (mismatches <= 10) {
					System.out.printf("mismatch at %.12f,%.12f: expected %d, got %d%n", lng[p], lat[p], expected,
							actual);
				}
			}
		}
		return new int[] { located, mismatches };
	}

	private static double[][] vertices(List<Shape> shapes, int count, long seed) {
		Random random = new Random(seed);
		double[] lng = new double[count];
		double[] lat = new double[count];
		for (int i = 0; i < count; i++) {
			Coordinate[] ring = shapes.get(random.nextInt(shapes.size())).geometry().getCoordinates();
			Coordinate c = ring[random.nextInt(ring.length)];
			lng[i] = c.x;
			lat[i] = c.y;
		}
		return new double[][] { lng, lat };
	}

	@SuppressWarnings("unchecked")
	private static int bruteForce(List<Shape> shapes, STRtree tree, Point point) {
		int best = -1;
		for (int i : (List<Integer>) tree.query(new Envelope(point.getCoordinate()))) {
			Shape shape = shapes.get(i);
			if (shape.geometry().covers(point) && (best < 0 || shape.code().compareTo(shapes.get(best).code()) < 0
					|| (shape.code().equals(shapes.get(best).code()) && i < best))) {
				best = i;
			}
		}
		return best;
	}

}
