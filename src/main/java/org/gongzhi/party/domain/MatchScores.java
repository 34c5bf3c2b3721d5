package org.gongzhi.party.domain;

import org.gongzhi.party.NeedCategory;

/**
 * The matching score of a resource for a need (匹配评分), out of 100: category up to 50 (the same category 50, either
 * side 其他 15), distance up to 30 (full at the same spot, nothing from 5 km on) and past delivery up to 20 (4 for each
 * completed project of the provider).
 */
final class MatchScores {

	static final double FAR_KM = 5.0;

	private MatchScores() {
	}

	static int category(NeedCategory need, NeedCategory resource) {
		if (need == resource) {
			return 50;
		}
		return need == NeedCategory.OTHER || resource == NeedCategory.OTHER ? 15 : 0;
	}

	static int distance(double km) {
		return (int) Math.round(30 * Math.max(0, 1 - km / FAR_KM));
	}

	static int delivery(long completed) {
		return (int) Math.min(20, completed * 4);
	}

	/** Great-circle distance in kilometres between two WGS-84 points (haversine). */
	static double haversineKm(double lng1, double lat1, double lng2, double lat2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

	/**
	 * A distance estimated from two area codes when a point is missing: 0.3 km inside one grid, 1 km inside one
	 * community, 3 km inside one street, 8 km otherwise or when an area is unknown.
	 */
	static double estimatedKm(String a, String b) {
		if (a == null || b == null) {
			return 8.0;
		}
		if (common(a, b, 15)) {
			return 0.3;
		}
		if (common(a, b, 12)) {
			return 1.0;
		}
		return common(a, b, 9) ? 3.0 : 8.0;
	}

	private static boolean common(String a, String b, int length) {
		return a.length() >= length && b.length() >= length && a.regionMatches(0, b, 0, length);
	}

}
