package org.gongzhi.cases.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The distance duplicates are judged by (重复案件提示, default within 100 m): great-circle metres between two WGS-84
 * points, right to within a metre at the scale of a street.
 */
class CaseDeskMetresTest {

	@Test
	void theSamePointIsZeroMetresAway() {
		assertThat(CaseDesk.metres(116.41, 39.96, 116.41, 39.96)).isZero();
	}

	@Test
	void aDegreeOfLatitudeIsAbout111Kilometres() {
		assertThat(CaseDesk.metres(116.41, 39.0, 116.41, 40.0)).isCloseTo(111_195, within(1.0));
	}

	@Test
	void aDegreeOfLongitudeShrinksWithTheCosineOfTheLatitude() {
		double beijing = CaseDesk.metres(116.0, 39.96, 117.0, 39.96);
		assertThat(beijing).isCloseTo(111_195 * Math.cos(Math.toRadians(39.96)), within(5.0));
		assertThat(CaseDesk.metres(116.0, 0, 117.0, 0)).isCloseTo(111_195, within(1.0));
	}

	@Test
	void neighbouringPointsInTheDemoStreetAreMeasuredToTheMetre() {
		double dLat = 100 / 111_195.0;
		assertThat(CaseDesk.metres(116.41, 39.96, 116.41, 39.96 + dLat)).isCloseTo(100, within(0.1));
		double dLng = 60 / (111_195.0 * Math.cos(Math.toRadians(39.96)));
		assertThat(CaseDesk.metres(116.41, 39.96, 116.41 + dLng, 39.96)).isCloseTo(60, within(0.1));
		assertThat(CaseDesk.metres(116.41, 39.96, 116.41 + dLng, 39.96 + 80 / 111_195.0)).isCloseTo(100, within(0.2));
		assertThat(CaseDesk.metres(116.41 + dLng, 39.96, 116.41, 39.96)).as("symmetric")
			.isEqualTo(CaseDesk.metres(116.41, 39.96, 116.41 + dLng, 39.96));
	}

}
