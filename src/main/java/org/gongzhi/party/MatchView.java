package org.gongzhi.party;

/**
 * One suggested resource for a need (匹配建议) with the parts of its score out of 100: category (up to 50), distance
 * (up to 30, estimated from the areas when either side has no point) and past delivery (up to 20, from the
 * provider's completed projects).
 */
public record MatchView(ResourceView resource, int categoryScore, double distanceKm, boolean distanceEstimated,
		int distanceScore, long delivered, int deliveryScore, int score) {
}
