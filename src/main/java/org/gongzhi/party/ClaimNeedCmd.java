package org.gongzhi.party;

import jakarta.validation.constraints.Size;

/**
 * A unit or member claims an open need (认领需求), offering one of their published resources or, without one, a
 * free-text offer saying what they will do.
 */
public record ClaimNeedCmd(Long resourceId,
		@Size(max = 500, message = "{party.lists.offer.size}") String offer) {
}
