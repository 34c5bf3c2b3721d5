package org.gongzhi.party.domain;

import org.gongzhi.party.NeedCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The parts of a matching score: the same category beats 其他 beats another category, nearer is better down to nothing
 * at 5 km, each completed project adds 4 up to 20, and areas stand in for missing points.
 */
class MatchScoresTest {

	@Test
	void categoryDistanceAndDeliveryScores() {
		assertThat(MatchScores.category(NeedCategory.HEALTH, NeedCategory.HEALTH)).isEqualTo(50);
		assertThat(MatchScores.category(NeedCategory.HEALTH, NeedCategory.OTHER)).isEqualTo(15);
		assertThat(MatchScores.category(NeedCategory.HEALTH, NeedCategory.CULTURE)).isZero();
		assertThat(MatchScores.distance(0)).isEqualTo(30);
		assertThat(MatchScores.distance(2.5)).isEqualTo(15);
		assertThat(MatchScores.distance(7)).isZero();
		assertThat(MatchScores.delivery(0)).isZero();
		assertThat(MatchScores.delivery(3)).isEqualTo(12);
		assertThat(MatchScores.delivery(9)).isEqualTo(20);
	}

	@Test
	void haversineMeasuresKilometres() {
		assertThat(MatchScores.haversineKm(116.4074, 39.9042, 121.4737, 31.2304)).isCloseTo(1068, within(5.0));
		assertThat(MatchScores.haversineKm(116.4, 39.9, 116.4, 39.909)).isCloseTo(1.0, within(0.01));
	}

	@Test
	void areasStandInForMissingPoints() {
		assertThat(MatchScores.estimatedKm("110199001001003", "110199001001003001")).isEqualTo(0.3);
		assertThat(MatchScores.estimatedKm("110199001001003", "110199001001")).isEqualTo(1.0);
		assertThat(MatchScores.estimatedKm("110199001001", "110199001002")).isEqualTo(3.0);
		assertThat(MatchScores.estimatedKm("110199001001", "110199002001")).isEqualTo(8.0);
		assertThat(MatchScores.estimatedKm("110199001001", null)).isEqualTo(8.0);
	}

}
