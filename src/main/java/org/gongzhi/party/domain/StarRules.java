package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.gongzhi.party.RatingSheet;

/**
 * Star-rating arithmetic (星级评定规则): the weighted total of a branch's scores, the stars its total suggests by the
 * configured thresholds, and how many five-star branches the cap allows.
 *
 * @param thresholds the lowest totals for five, four, three and two stars, highest first; below the last is one star
 * @param fiveStarCap the largest share of five-star branches, e.g. 0.10
 */
record StarRules(List<BigDecimal> thresholds, BigDecimal fiveStarCap) {

	StarRules {
		thresholds = List.copyOf(thresholds);
		for (int i = 1; i < thresholds.size(); i++) {
			if (thresholds.get(i).compareTo(thresholds.get(i - 1)) > 0) {
				throw new IllegalArgumentException("star thresholds must be given highest first: " + thresholds);
			}
		}
		if (thresholds.size() != 4) {
			throw new IllegalArgumentException("four star thresholds are needed (five, four, three, two stars)");
		}
	}

	/** Sum of score times weight over 100, one decimal; null while a weighted criterion has no score. */
	BigDecimal total(List<RatingSheet.Criterion> criteria, Map<String, BigDecimal> scores) {
		BigDecimal sum = BigDecimal.ZERO;
		for (RatingSheet.Criterion c : criteria) {
			BigDecimal score = scores.get(c.code());
			if (score == null) {
				if (c.weight() > 0) {
					return null;
				}
				continue;
			}
			sum = sum.add(score.multiply(BigDecimal.valueOf(c.weight())));
		}
		return sum.divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP);
	}

	/** The stars a total suggests: five at or above the first threshold, and so on down to one. */
	int suggested(BigDecimal total) {
		for (int i = 0; i < thresholds.size(); i++) {
			if (total.compareTo(thresholds.get(i)) >= 0) {
				return 5 - i;
			}
		}
		return 1;
	}

	/** How many of the rated branches may have five stars: the cap's share, rounded down. */
	int fiveStarLimit(int rated) {
		return BigDecimal.valueOf(rated).multiply(fiveStarCap).setScale(0, RoundingMode.FLOOR).intValue();
	}

}
