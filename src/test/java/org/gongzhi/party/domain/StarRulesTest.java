package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.gongzhi.party.RatingSheet;
import org.gongzhi.party.RatingSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Star-rating arithmetic: the weighted total, the stars the thresholds suggest at their edges, and the five-star cap
 * rounded down.
 */
class StarRulesTest {

	static final StarRules RULES = new StarRules(List.of(new BigDecimal("90"), new BigDecimal("80"), new BigDecimal("70"),
			new BigDecimal("60")), new BigDecimal("0.10"));

	static final List<RatingSheet.Criterion> CRITERIA = List.of(
			new RatingSheet.Criterion(1, "A", "组织建设", 20, RatingSource.MANUAL),
			new RatingSheet.Criterion(2, "B", "组织生活", 25, RatingSource.CADENCE),
			new RatingSheet.Criterion(3, "C", "居民满意度", 55, RatingSource.SATISFACTION),
			new RatingSheet.Criterion(4, "D", "试行指标", 0, RatingSource.MANUAL));

	@Test
	void theTotalIsTheWeightedMeanWithOneDecimal() {
		Map<String, BigDecimal> scores = Map.of("A", new BigDecimal("90"), "B", new BigDecimal("66.7"), "C",
				new BigDecimal("81.5"));
		// 90*0.20 + 66.7*0.25 + 81.5*0.55 = 18 + 16.675 + 44.825 = 79.5
		assertThat(RULES.total(CRITERIA, scores)).isEqualByComparingTo("79.5");
		assertThat(RULES.total(CRITERIA, Map.of("A", BigDecimal.TEN, "B", BigDecimal.TEN))).as("a weighted score missing")
			.isNull();
	}

	@Test
	void thresholdsSuggestStarsAtTheirEdges() {
		assertThat(RULES.suggested(new BigDecimal("90.0"))).isEqualTo(5);
		assertThat(RULES.suggested(new BigDecimal("89.9"))).isEqualTo(4);
		assertThat(RULES.suggested(new BigDecimal("80"))).isEqualTo(4);
		assertThat(RULES.suggested(new BigDecimal("70"))).isEqualTo(3);
		assertThat(RULES.suggested(new BigDecimal("60"))).isEqualTo(2);
		assertThat(RULES.suggested(new BigDecimal("59.9"))).isEqualTo(1);
		assertThat(RULES.suggested(BigDecimal.ZERO)).isEqualTo(1);
	}

	@Test
	void theFiveStarCapRoundsDown() {
		assertThat(RULES.fiveStarLimit(9)).isZero();
		assertThat(RULES.fiveStarLimit(10)).isEqualTo(1);
		assertThat(RULES.fiveStarLimit(29)).isEqualTo(2);
		assertThat(new StarRules(RULES.thresholds(), new BigDecimal("0.15")).fiveStarLimit(20)).isEqualTo(3);
	}

	@Test
	void thresholdsMustBeFourAndDescending() {
		assertThatThrownBy(() -> new StarRules(List.of(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO),
				BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new StarRules(List.of(BigDecimal.TEN), BigDecimal.ONE))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
