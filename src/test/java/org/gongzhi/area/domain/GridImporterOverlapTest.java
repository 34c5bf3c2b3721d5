package org.gongzhi.area.domain;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import static org.assertj.core.api.Assertions.assertThat;

class GridImporterOverlapTest {

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	/** About 330 m by 330 m near the demo street (39.96° N). */
	private static final double SIDE = 0.003;

	private static final double X = 116.41;

	private static final double Y = 39.96;

	@Test
	void neighboursSharingAnEdgeDoNotOverlap() {
		Polygon west = square(X, Y, SIDE);
		Polygon east = square(X + SIDE, Y, SIDE);

		assertThat(GridImporter.overlaps(west, east)).isFalse();
		assertThat(GridImporter.overlaps(east, west)).isFalse();
	}

	@Test
	void neighboursTouchingAtACornerDoNotOverlap() {
		assertThat(GridImporter.overlaps(square(X, Y, SIDE), square(X + SIDE, Y + SIDE, SIDE))).isFalse();
	}

	@Test
	void aSliverOfNumericalNoiseAlongASharedEdgeIsNoOverlap() {
		// the east grid's west edge is drawn 1e-8° (about 1 mm) into the west grid: a sliver of about 0.3 m²
		Polygon west = square(X, Y, SIDE);
		Polygon east = rectangle(X + SIDE - 1e-8, Y, X + 2 * SIDE, Y + SIDE);

		assertThat(west.intersection(east).getArea()).isPositive();
		assertThat(GridImporter.overlaps(west, east)).isFalse();
	}

	@Test
	void polygonsCoveringTheSameGroundOverlap() {
		Polygon west = square(X, Y, SIDE);

		assertThat(GridImporter.overlaps(west, square(X + SIDE / 2, Y, SIDE))).isTrue();
		assertThat(GridImporter.overlaps(west, square(X + SIDE / 3, Y + SIDE / 3, SIDE / 3))).as("contained").isTrue();
		assertThat(GridImporter.overlaps(west, west.copy())).as("identical").isTrue();
	}

	@Test
	void aSmallButRealOverlapOfAFewSquareMetresCounts() {
		// the east grid reaches 1e-5° (about 1 m) into the west one along its whole edge: about 280 m²
		Polygon west = square(X, Y, SIDE);
		Polygon east = rectangle(X + SIDE - 1e-5, Y, X + 2 * SIDE, Y + SIDE);

		assertThat(GridImporter.overlaps(west, east)).isTrue();
	}

	@Test
	void distantPolygonsDoNotOverlap() {
		assertThat(GridImporter.overlaps(square(X, Y, SIDE), square(X + 1, Y + 1, SIDE))).isFalse();
	}

	private static Polygon square(double x, double y, double side) {
		return rectangle(x, y, x + side, y + side);
	}

	private static Polygon rectangle(double minX, double minY, double maxX, double maxY) {
		return GEOMETRY.createPolygon(new Coordinate[] { new Coordinate(minX, minY), new Coordinate(maxX, minY),
				new Coordinate(maxX, maxY), new Coordinate(minX, maxY), new Coordinate(minX, minY) });
	}

}
