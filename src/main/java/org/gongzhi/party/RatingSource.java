package org.gongzhi.party;

/**
 * Where a star-rating criterion's score comes from when the rater enters none: the rater alone, residents' ratings of
 * closed cases in the branch's area (居民满意度), or the branch's branch-life cadence compliance (组织生活规范率).
 */
public enum RatingSource {

	MANUAL, SATISFACTION, CADENCE;

	public String messageKey() {
		return "party.rating.source." + name();
	}

}
