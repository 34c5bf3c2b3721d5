package org.gongzhi.party;

import java.util.List;

/**
 * A service post (服务岗位) with its claims so far; myClaimId is the asking member's claim on it, if any.
 */
public record PostView(long id, String communityCode, String communityName, PostKind kind, String title,
		String skills, int headcount, String description, boolean open, List<Claim> claims, Long myClaimId) {

	/** One member holding the post. */
	public record Claim(long id, long memberId, String memberName) {
	}

	public boolean claimedByMe() {
		return myClaimId != null;
	}

	public int free() {
		return Math.max(0, headcount - claims.size());
	}

}
