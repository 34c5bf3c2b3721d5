package org.gongzhi.area.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * 网格定位: an immutable in-memory index that locates a WGS-84 point (lng/lat) to the grid polygon containing it, the
 * hot path of case intake. Answers equal a JTS {@code covers} scan over valid polygons (boundary counts as inside,
 * the smallest code wins where grids share an edge), but queries touch only primitive arrays and never allocate.
 */
public final class GridIndex {

	/**
	 * One grid to index: its code and its area, a {@link Polygon} or {@link MultiPolygon}, holes allowed.
	 */
	public record Shape(String code, Geometry geometry) {

		public Shape {
			Objects.requireNonNull(code, "code");
			Objects.requireNonNull(geometry, "geometry");
			if (!(geometry instanceof Polygon) && !(geometry instanceof MultiPolygon)) {
				throw new IllegalArgumentException(
						"grid " + code + " must be a Polygon or MultiPolygon, not " + geometry.getGeometryType());
			}
		}

	}

	private static final int FULL = -1;

	private static final int END = -1;

	private static final byte NONE = 0;

	private static final byte OPEN = 1;

	private static final byte SEALED = 2;

	private static final int CELLS_PER_SIDE = 4;

	private static final int MAX_CELLS = 1 << 24;

	private static final double DP_SAFE_EPSILON = 1e-15;

	private static final double SPLIT = 134217729.0;

	private static final GridIndex EMPTY = new GridIndex(new Shape[0], new double[0], Double.POSITIVE_INFINITY,
			Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, 1, 1, 1, new int[1],
			new int[] { END });

	private final Shape[] shapes;

	private final double[] xy;

	private final double minX;

	private final double minY;

	private final double maxX;

	private final double maxY;

	private final double invCellW;

	private final double invCellH;

	private final int cols;

	private final int rows;

	/**
	 * Per cell, {@code ~shape} when the cell lies wholly inside the first shape to consider, else where its list in
	 * {@link #cellData} starts.
	 */
	private final int[] cellTable;

	/**
	 * Per cell, an END-terminated list of records, one per shape part that may cover the cell, in code order: either
	 * {shape, FULL} for a cell wholly inside, or {shape, n, n offsets in xy of the edges passing the cell, header,
	 * breakpoints}. Edges wholly right of the cell reduce to the parity they add to the crossing count: the header's
	 * low bit, plus one for each breakpoint (offset in xy of a vertex latitude) at or below the point.
	 */
	private final int[] cellData;

	private GridIndex(Shape[] shapes, double[] xy, double minX, double minY, double maxX, double maxY, double invCellW,
			double invCellH, int cols, int rows, int[] cellTable, int[] cellData) {
		this.shapes = shapes;
		this.xy = xy;
		this.minX = minX;
		this.minY = minY;
		this.maxX = maxX;
		this.maxY = maxY;
		this.invCellW = invCellW;
		this.invCellH = invCellH;
		this.cols = cols;
		this.rows = rows;
		this.cellTable = cellTable;
		this.cellData = cellData;
	}

	/** An index of no grids: every point is unlocated. */
	public static GridIndex empty() {
		return EMPTY;
	}

	/**
	 * Builds the index; {@link #locate} answers with positions in the iteration order of {@code shapes}. Geometries
	 * are expected to be valid (OGC): for invalid ones (self-intersecting rings, holes outside their shell) answers
	 * follow the even-odd rule and may differ from JTS.
	 */
	public static GridIndex build(Collection<Shape> shapes) {
		Shape[] all = shapes.toArray(Shape[]::new);
		for (Shape shape : all) {
			Objects.requireNonNull(shape, "shape");
		}
		return new Builder(all).build();
	}

	/**
	 * The position of the grid covering the point (interior or boundary), the one with the smallest code where
	 * several do, or -1 where none does.
	 */
	public int locate(double lng, double lat) {
		if (!(lng >= minX && lng <= maxX && lat >= minY && lat <= maxY)) {
			return -1;
		}
		int k = cellTable[row(lat) * cols + col(lng)];
		if (k < 0) {
			return ~k;
		}
		int[] data = cellData;
		double[] coordinates = xy;
		while (true) {
			int shape = data[k];
			if (shape == END) {
				return -1;
			}
			int n = data[k + 1];
			if (n == FULL) {
				return shape;
			}
			int header = k + 2 + n;
			int breaks = header + 1;
			k = breaks + (data[header] >>> 1);
			int crossings = crossings(coordinates, data, header - n, header, lng, lat);
			if (crossings < 0) {
				return shape;
			}
			crossings += data[header] & 1;
			for (int b = breaks; b < k; b++) {
				if (coordinates[data[b]] <= lat) {
					crossings++;
				}
			}
			if ((crossings & 1) != 0) {
				return shape;
			}
		}
	}

	/** The code of the grid {@link #locate} finds, or null. */
	public String locateCode(double lng, double lat) {
		int index = locate(lng, lat);
		return (index < 0) ? null : shapes[index].code();
	}

	public Shape shape(int index) {
		return shapes[index];
	}

	public int size() {
		return shapes.length;
	}

	private int col(double x) {
		return Math.min((int) ((x - minX) * invCellW), cols - 1);
	}

	private int row(double y) {
		return Math.min((int) ((y - minY) * invCellH), rows - 1);
	}

	/**
	 * Crossings of the rightward ray from (px, py) with the edges listed in refs from index from (inclusive) to to
	 * (exclusive), each the offset in {@code xy} of an edge's first vertex, or -1 if the point lies on one of them;
	 * evaluated segment by segment as JTS's {@code RayCrossingCounter} does, so answers agree with JTS to the last bit.
	 */
	private static int crossings(double[] xy, int[] refs, int from, int to, double px, double py) {
		int crossings = 0;
		for (int k = from; k < to; k++) {
			int i = refs[k];
			double x2 = xy[i];
			double y2 = xy[i + 1];
			double x1 = xy[i + 2];
			double y1 = xy[i + 3];
			if (x1 < px && x2 < px) {
				continue;
			}
			if (px == x2 && py == y2) {
				return -1;
			}
			if (y1 == py && y2 == py) {
				if (px >= Math.min(x1, x2) && px <= Math.max(x1, x2)) {
					return -1;
				}
				continue;
			}
			if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py)) {
				int orientation = orientationIndex(x1, y1, x2, y2, px, py);
				if (orientation == 0) {
					return -1;
				}
				if (y2 < y1) {
					orientation = -orientation;
				}
				if (orientation > 0) {
					crossings++;
				}
			}
		}
		return crossings;
	}

	/** The sign JTS's {@code CGAlgorithmsDD.orientationIndex} gives, with its double-double fallback unboxed. */
	private static int orientationIndex(double p1x, double p1y, double p2x, double p2y, double qx, double qy) {
		double detLeft = (p1x - qx) * (p2y - qy);
		double detRight = (p1y - qy) * (p2x - qx);
		double det = detLeft - detRight;
		double detSum;
		if (detLeft > 0.0) {
			if (detRight <= 0.0) {
				return signum(det);
			}
			detSum = detLeft + detRight;
		}
		else if (detLeft < 0.0) {
			if (detRight >= 0.0) {
				return signum(det);
			}
			detSum = -detLeft - detRight;
		}
		else {
			return signum(det);
		}
		double errBound = DP_SAFE_EPSILON * detSum;
		if (det >= errBound || -det >= errBound) {
			return signum(det);
		}
		return orientationIndexDD(p1x, p1y, p2x, p2y, qx, qy);
	}

	private static int signum(double x) {
		return (x > 0) ? 1 : (x < 0) ? -1 : 0;
	}

	private static int orientationIndexDD(double p1x, double p1y, double p2x, double p2y, double qx, double qy) {
		double dx1Hi = addHi(p2x, -p1x);
		double dx1Lo = addLo(p2x, -p1x);
		double dy1Hi = addHi(p2y, -p1y);
		double dy1Lo = addLo(p2y, -p1y);
		double dx2Hi = addHi(qx, -p2x);
		double dx2Lo = addLo(qx, -p2x);
		double dy2Hi = addHi(qy, -p2y);
		double dy2Lo = addLo(qy, -p2y);
		double aHi = mulHi(dx1Hi, dx1Lo, dy2Hi, dy2Lo);
		double aLo = mulLo(dx1Hi, dx1Lo, dy2Hi, dy2Lo);
		double bHi = mulHi(dy1Hi, dy1Lo, dx2Hi, dx2Lo);
		double bLo = mulLo(dy1Hi, dy1Lo, dx2Hi, dx2Lo);
		if (Double.isNaN(aHi)) {
			return 0;
		}
		double yhi = -bHi;
		double ylo = -bLo;
		double s = aHi + yhi;
		double t = aLo + ylo;
		double e = s - aHi;
		double f = t - aLo;
		double s2 = (yhi - e) + (aHi - (s - e));
		double t2 = (ylo - f) + (aLo - (t - f));
		e = s2 + t;
		double h = s + e;
		double hl = e + (s - h);
		e = t2 + hl;
		double zhi = h + e;
		double zlo = e + (h - zhi);
		return (zhi != 0) ? signum(zhi) : signum(zlo);
	}

	private static double addHi(double x, double y) {
		double s = x + y;
		double e = s - x;
		double f = ((y - e) + (x - (s - e))) + 0.0;
		double h = s + f;
		double hl = f + (s - h);
		return h + hl;
	}

	private static double addLo(double x, double y) {
		double s = x + y;
		double e = s - x;
		double f = ((y - e) + (x - (s - e))) + 0.0;
		double h = s + f;
		double hl = f + (s - h);
		return hl + (h - (h + hl));
	}

	private static double mulC(double hi, double lo, double yhi, double ylo) {
		double c0 = SPLIT * hi;
		double hx = c0 - hi;
		double c = SPLIT * yhi;
		hx = c0 - hx;
		double tx = hi - hx;
		double hy = c - yhi;
		double product = hi * yhi;
		hy = c - hy;
		double ty = yhi - hy;
		return ((((hx * hy - product) + hx * ty) + tx * hy) + tx * ty) + (hi * ylo + lo * yhi);
	}

	private static double mulHi(double hi, double lo, double yhi, double ylo) {
		return hi * yhi + mulC(hi, lo, yhi, ylo);
	}

	private static double mulLo(double hi, double lo, double yhi, double ylo) {
		double product = hi * yhi;
		double c = mulC(hi, lo, yhi, ylo);
		double zhi = product + c;
		return c + (product - zhi);
	}

	/** Flattens the shapes' polygon parts into rings and distributes them over a uniform cell grid. */
	private static final class Builder {

		private final Shape[] shapes;

		private final DoubleList xy;

		private final List<Part> parts = new ArrayList<>();

		private double minX = Double.POSITIVE_INFINITY;

		private double minY = Double.POSITIVE_INFINITY;

		private double maxX = Double.NEGATIVE_INFINITY;

		private double maxY = Double.NEGATIVE_INFINITY;

		private double invCellW;

		private double invCellH;

		private int cols;

		private int rows;

		private int[] localCount = new int[0];

		private int[] localFrom = new int[0];

		private int[] localPos = new int[0];

		private int[] breakFrom = new int[0];

		private int[] breakCount = new int[0];

		private int[] breakPos = new int[0];

		private int[] parity = new int[0];

		private int[] localRefs = new int[16];

		private int[] breakRefs = new int[16];

		private int[] partEdges = new int[16];

		private int edgeCount;

		private int partCol;

		private int partRow;

		private int partWidth;

		Builder(Shape[] shapes) {
			this.shapes = shapes;
			long vertices = 0;
			for (Shape shape : shapes) {
				vertices += shape.geometry().getNumPoints();
			}
			this.xy = new DoubleList((int) Math.min(2 * vertices, Integer.MAX_VALUE - 8));
		}

		GridIndex build() {
			Integer[] order = new Integer[shapes.length];
			Arrays.setAll(order, i -> i);
			Arrays.sort(order, (a, b) -> {
				int byCode = shapes[a].code().compareTo(shapes[b].code());
				return (byCode != 0) ? byCode : Integer.compare(a, b);
			});
			for (int shape : order) {
				Geometry geometry = shapes[shape].geometry();
				for (int p = 0; p < geometry.getNumGeometries(); p++) {
					flatten(shape, (Polygon) geometry.getGeometryN(p));
				}
			}
			if (parts.isEmpty()) {
				return new GridIndex(shapes, new double[0], Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
						Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, 1, 1, 1, new int[1], new int[] { END });
			}
			double[] coordinates = xy.toArray();
			sizeCells();
			IntList records = new IntList((int) Math.min(4L * xy.size(), Integer.MAX_VALUE - 8));
			for (Part part : parts) {
				distribute(coordinates, part, records);
			}
			return assemble(coordinates, records);
		}

		private void flatten(int shape, Polygon polygon) {
			if (polygon.isEmpty()) {
				return;
			}
			Part part = new Part(shape);
			addRing(part, polygon.getExteriorRing());
			for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
				addRing(part, polygon.getInteriorRingN(h));
			}
			if (part.ringStarts.size() > 0) {
				parts.add(part);
				minX = Math.min(minX, part.minX);
				minY = Math.min(minY, part.minY);
				maxX = Math.max(maxX, part.maxX);
				maxY = Math.max(maxY, part.maxY);
			}
		}

		private void addRing(Part part, LineString ring) {
			CoordinateSequence coordinates = ring.getCoordinateSequence();
			int size = coordinates.size();
			if (size < 2) {
				return;
			}
			if ((long) xy.size() + 2L * size > Integer.MAX_VALUE - 8) {
				throw new IllegalArgumentException("too many vertices to index");
			}
			part.ringStarts.add(xy.size());
			for (int v = 0; v < size; v++) {
				double x = coordinates.getX(v);
				double y = coordinates.getY(v);
				if (!Double.isFinite(x) || !Double.isFinite(y)) {
					throw new IllegalArgumentException("grid " + shapes[part.shape].code() + " has a non-finite vertex");
				}
				xy.add(x);
				xy.add(y);
				part.minX = Math.min(part.minX, x);
				part.minY = Math.min(part.minY, y);
				part.maxX = Math.max(part.maxX, x);
				part.maxY = Math.max(part.maxY, y);
			}
			part.ringEnds.add(xy.size());
		}

		private void sizeCells() {
			double width = maxX - minX;
			double height = maxY - minY;
			double[] widths = new double[parts.size()];
			double[] heights = new double[parts.size()];
			for (int i = 0; i < widths.length; i++) {
				widths[i] = parts.get(i).maxX - parts.get(i).minX;
				heights[i] = parts.get(i).maxY - parts.get(i).minY;
			}
			Arrays.sort(widths);
			Arrays.sort(heights);
			double cellW = widths[widths.length / 2] / CELLS_PER_SIDE;
			double cellH = heights[heights.length / 2] / CELLS_PER_SIDE;
			if (!(cellW > 0) || !(cellH > 0)) {
				double side = Math.sqrt(parts.size());
				cellW = width / side;
				cellH = height / side;
			}
			cellW = (cellW > 0) ? cellW : 1.0;
			cellH = (cellH > 0) ? cellH : 1.0;
			double maxCells = Math.min(MAX_CELLS, Math.max(1 << 16, 64.0 * parts.size()));
			while (true) {
				invCellW = 1.0 / cellW;
				invCellH = 1.0 / cellH;
				double columns = Math.floor(width * invCellW) + 1;
				double lines = Math.floor(height * invCellH) + 1;
				if (columns * lines <= maxCells) {
					cols = (int) columns;
					rows = (int) lines;
					return;
				}
				double grow = Math.sqrt(columns * lines / maxCells) * 1.01;
				cellW *= grow;
				cellH *= grow;
			}
		}

		private int col(double x) {
			return Math.min((int) ((x - minX) * invCellW), cols - 1);
		}

		private int row(double y) {
			return Math.min((int) ((y - minY) * invCellH), rows - 1);
		}

		/**
		 * Appends one record per cell the part may cover: cell + shape + FULL where the cell lies wholly inside,
		 * cell + shape + n + edges + header + breakpoints where an edge passes it, nothing where it lies wholly outside.
		 */
		private void distribute(double[] coordinates, Part part, IntList records) {
			partCol = col(part.minX);
			partRow = row(part.minY);
			partWidth = col(part.maxX) - partCol + 1;
			int cells = partWidth * (row(part.maxY) - partRow + 1);
			ensureScratch(cells);
			Arrays.fill(localCount, 0, cells, 0);
			Arrays.fill(breakCount, 0, cells, 0);
			Arrays.fill(parity, 0, cells, 0);
			collectEdges(part);
			countEdges(coordinates);
			for (int l = 0, local = 0, brk = 0; l < cells; l++) {
				localFrom[l] = local;
				localPos[l] = local;
				breakFrom[l] = brk;
				breakPos[l] = brk;
				local += localCount[l];
				brk += breakCount[l];
			}
			placeEdges(coordinates);
			for (int l = 0; l < cells; l++) {
				emit(coordinates, part.shape, l, records);
			}
		}

		private void collectEdges(Part part) {
			edgeCount = 0;
			for (int ring = 0; ring < part.ringStarts.size(); ring++) {
				for (int i = part.ringStarts.get(ring), last = part.ringEnds.get(ring) - 2; i < last; i += 2) {
					if (edgeCount == partEdges.length) {
						partEdges = Arrays.copyOf(partEdges, edgeCount * 2);
					}
					partEdges[edgeCount++] = i;
				}
			}
		}

		/** Counts per cell the edges passing it and (an upper bound of) the breakpoints of edges to its right. */
		private void countEdges(double[] coordinates) {
			int w = partWidth;
			int locals = 0;
			int breaks = 0;
			for (int e = 0; e < edgeCount; e++) {
				int i = partEdges[e];
				double yLow = Math.min(coordinates[i + 1], coordinates[i + 3]);
				double yHigh = Math.max(coordinates[i + 1], coordinates[i + 3]);
				int rLow = row(yLow) - partRow;
				int rHigh = row(yHigh) - partRow;
				int cLeft = col(Math.min(coordinates[i], coordinates[i + 2])) - partCol;
				int cRight = col(Math.max(coordinates[i], coordinates[i + 2])) - partCol;
				for (int r = rLow; r <= rHigh; r++) {
					for (int c = cLeft; c <= cRight; c++) {
						localCount[r * w + c]++;
					}
					locals += cRight - cLeft + 1;
					if (yLow < yHigh) {
						for (int c = 0; c < cLeft; c++) {
							breakCount[r * w + c] += 2;
						}
						breaks += 2 * cLeft;
					}
				}
			}
			if (localRefs.length < locals) {
				localRefs = new int[Math.max(locals, localRefs.length * 2)];
			}
			if (breakRefs.length < breaks) {
				breakRefs = new int[Math.max(breaks, breakRefs.length * 2)];
			}
		}

		/**
		 * Lists per cell the edges passing it; an edge wholly right of a cell adds its lower and upper vertex
		 * latitudes as breakpoints where they fall in the cell's row, and flips the parity where the lower one falls
		 * below it.
		 */
		private void placeEdges(double[] coordinates) {
			int w = partWidth;
			for (int e = 0; e < edgeCount; e++) {
				int i = partEdges[e];
				boolean firstLow = coordinates[i + 1] <= coordinates[i + 3];
				double yLow = Math.min(coordinates[i + 1], coordinates[i + 3]);
				double yHigh = Math.max(coordinates[i + 1], coordinates[i + 3]);
				int rLow = row(yLow) - partRow;
				int rHigh = row(yHigh) - partRow;
				int cLeft = col(Math.min(coordinates[i], coordinates[i + 2])) - partCol;
				int cRight = col(Math.max(coordinates[i], coordinates[i + 2])) - partCol;
				for (int r = rLow; r <= rHigh; r++) {
					for (int c = cLeft; c <= cRight; c++) {
						int l = r * w + c;
						localRefs[localPos[l]++] = i;
					}
					if (yLow < yHigh) {
						for (int c = 0; c < cLeft; c++) {
							int l = r * w + c;
							if (r == rLow) {
								breakRefs[breakPos[l]++] = firstLow ? i + 1 : i + 3;
							}
							else {
								parity[l] ^= 1;
							}
							if (r == rHigh) {
								breakRefs[breakPos[l]++] = firstLow ? i + 3 : i + 1;
							}
						}
					}
				}
			}
		}

		private void emit(double[] coordinates, int shape, int l, IntList records) {
			int r = partRow + l / partWidth;
			int cell = r * cols + partCol + l % partWidth;
			int localStart = localFrom[l];
			int localEnd = localPos[l];
			double centreY = centreY(r);
			if (localStart == localEnd && !Double.isNaN(centreY)) {
				int crossings = parity[l];
				for (int k = breakFrom[l]; k < breakPos[l]; k++) {
					if (coordinates[breakRefs[k]] <= centreY) {
						crossings++;
					}
				}
				if ((crossings & 1) != 0) {
					records.add(cell);
					records.add(shape);
					records.add(FULL);
				}
				return;
			}
			int breakStart = breakFrom[l];
			int breakEnd = cancelPairs(coordinates, breakStart, breakPos[l]);
			records.add(cell);
			records.add(shape);
			records.add(localEnd - localStart);
			for (int k = localStart; k < localEnd; k++) {
				records.add(localRefs[k]);
			}
			records.add(((breakEnd - breakStart) << 1) | parity[l]);
			for (int k = breakStart; k < breakEnd; k++) {
				records.add(breakRefs[k]);
			}
		}

		/**
		 * The latitude of the row's centre line, or NaN should rounding map it to another row. No edge passes a clean
		 * cell, so every point in it is inside or every point outside, and the parity of its right-hand edges at this
		 * latitude tells which.
		 */
		private double centreY(int r) {
			double y = minY + (r + 0.5) / invCellH;
			return (row(y) == r) ? y : Double.NaN;
		}

		/**
		 * Sorts the breakpoints in breakRefs from index from (inclusive) to to (exclusive) by latitude and drops
		 * pairs of equal latitude, which flip the parity twice; returns the new end.
		 */
		private int cancelPairs(double[] coordinates, int from, int to) {
			if (to - from > 32) {
				Integer[] sorted = new Integer[to - from];
				Arrays.setAll(sorted, i -> breakRefs[from + i]);
				Arrays.sort(sorted, Comparator.comparingDouble((Integer ref) -> coordinates[ref]));
				for (int i = 0; i < sorted.length; i++) {
					breakRefs[from + i] = sorted[i];
				}
			}
			for (int i = from + 1; i < to; i++) {
				int ref = breakRefs[i];
				double y = coordinates[ref];
				int j = i - 1;
				while (j >= from && coordinates[breakRefs[j]] > y) {
					breakRefs[j + 1] = breakRefs[j];
					j--;
				}
				breakRefs[j + 1] = ref;
			}
			int end = from;
			for (int i = from; i < to; i++) {
				if (i + 1 < to && coordinates[breakRefs[i]] == coordinates[breakRefs[i + 1]]) {
					i++;
				}
				else {
					breakRefs[end++] = breakRefs[i];
				}
			}
			return end;
		}

		private void ensureScratch(int cells) {
			if (localCount.length < cells) {
				int size = Math.max(cells, localCount.length * 2);
				localCount = new int[size];
				localFrom = new int[size];
				localPos = new int[size];
				breakCount = new int[size];
				breakFrom = new int[size];
				breakPos = new int[size];
				parity = new int[size];
			}
		}

		/** Groups the records by cell, keeping shape order and dropping what follows a FULL record. */
		private GridIndex assemble(double[] coordinates, IntList records) {
			int cellTotal = cols * rows;
			int[] table = new int[cellTotal];
			int[] fill = new int[cellTotal];
			byte[] state = new byte[cellTotal];
			int[] data = records.array();
			int size = records.size();
			for (int k = 0; k < size;) {
				int cell = data[k];
				int length = recordLength(data, k);
				if (state[cell] == OPEN) {
					fill[cell] += length;
					state[cell] = (data[k + 2] == FULL) ? SEALED : OPEN;
				}
				else if (state[cell] == NONE) {
					if (data[k + 2] == FULL) {
						table[cell] = ~data[k + 1];
						state[cell] = SEALED;
					}
					else {
						fill[cell] = length;
						state[cell] = OPEN;
					}
				}
				k += 1 + length;
			}
			int offset = 1;
			for (int c = 0; c < cellTotal; c++) {
				if (table[c] == 0 && state[c] != NONE) {
					table[c] = offset;
					offset += fill[c] + 1;
				}
				fill[c] = table[c];
			}
			int[] cellData = new int[offset];
			cellData[0] = END;
			Arrays.fill(state, NONE);
			for (int k = 0; k < size;) {
				int cell = data[k];
				int length = recordLength(data, k);
				if (fill[cell] > 0 && state[cell] != SEALED) {
					System.arraycopy(data, k + 1, cellData, fill[cell], length);
					fill[cell] += length;
					state[cell] = (data[k + 2] == FULL) ? SEALED : OPEN;
				}
				k += 1 + length;
			}
			for (int c = 0; c < cellTotal; c++) {
				if (fill[c] > 0) {
					cellData[fill[c]] = END;
				}
			}
			return new GridIndex(shapes, coordinates, minX, minY, maxX, maxY, invCellW, invCellH, cols, rows, table,
					cellData);
		}

		private static int recordLength(int[] data, int k) {
			int n = data[k + 2];
			return (n == FULL) ? 2 : 3 + n + (data[k + 3 + n] >>> 1);
		}

	}

	private static final class Part {

		final int shape;

		final IntList ringStarts = new IntList();

		final IntList ringEnds = new IntList();

		double minX = Double.POSITIVE_INFINITY;

		double minY = Double.POSITIVE_INFINITY;

		double maxX = Double.NEGATIVE_INFINITY;

		double maxY = Double.NEGATIVE_INFINITY;

		Part(int shape) {
			this.shape = shape;
		}

	}

	private static final class IntList {

		private int[] values;

		private int size;

		IntList() {
			this(4);
		}

		IntList(int capacity) {
			values = new int[Math.max(capacity, 4)];
		}

		void add(int value) {
			if (size == values.length) {
				values = Arrays.copyOf(values, values.length * 2);
			}
			values[size++] = value;
		}

		void grow(int count) {
			if (values.length - size < count) {
				values = Arrays.copyOf(values, Math.max(values.length * 2, size + count));
			}
			size += count;
		}

		int get(int index) {
			return values[index];
		}

		int size() {
			return size;
		}

		int[] array() {
			return values;
		}

	}

	private static final class DoubleList {

		private double[] values;

		private int size;

		DoubleList(int capacity) {
			values = new double[Math.max(capacity, 16)];
		}

		void add(double value) {
			if (size == values.length) {
				values = Arrays.copyOf(values, values.length * 2);
			}
			values[size++] = value;
		}

		int size() {
			return size;
		}

		double[] toArray() {
			return (size == values.length) ? values : Arrays.copyOf(values, size);
		}

	}

}
