package org.gongzhi.party;

/**
 * A Party member's public badge (亮身份) as residents see it on the grid or badge page: name, organisation, post and
 * promise, and whether a photo can be shown (its address is /party/members/ID/photo), nothing personal beyond that.
 */
public record BadgeView(long memberId, String name, String organisationName, String post, String promise,
		String areaName, boolean photo) {
}
