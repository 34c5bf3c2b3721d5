package org.gongzhi.party;

import java.math.BigDecimal;

/**
 * A finalised star rating of one branch in one year (星级评定结果), for the result history.
 */
public record RatingResultView(int year, long organisationId, String organisationName, BigDecimal total,
		int suggestedStars, int stars, String adjustReason) {
}
