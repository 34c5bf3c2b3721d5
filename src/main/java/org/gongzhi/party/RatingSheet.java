package org.gongzhi.party;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A year's star-rating worksheet (星级评定表) in the caller's scope: criteria, one row per branch with its scores,
 * weighted total and stars, and the five-star cap (五星比例上限).
 *
 * @param fiveStarLimit how many five-star branches the cap allows among the rows
 */
public record RatingSheet(int year, boolean finalised, Instant finalisedAt, String finalisedBy,
		List<Criterion> criteria, List<Row> rows, BigDecimal fiveStarCap, int fiveStarLimit, int fiveStarCount) {

	/** Whether more branches have five stars than the cap allows. */
	@JsonProperty("overCap")
	public boolean overCap() {
		return fiveStarCount > fiveStarLimit;
	}

	/** One criterion with its weight (权重). */
	public record Criterion(long id, String code, String name, int weight, RatingSource source) {
	}

	/**
	 * One branch: the score per criterion code, whether each came from a computation, the weighted total (null while
	 * a score is missing), the suggested stars, the manual adjustment and the stars that count.
	 */
	public record Row(long organisationId, String organisationName, String areaCode, Map<String, BigDecimal> scores,
			Map<String, Boolean> computed, BigDecimal total, Integer suggestedStars, Integer adjustedStars,
			String adjustReason, Integer stars) {
	}

}
