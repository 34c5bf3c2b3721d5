package org.gongzhi.party;

import jakarta.validation.constraints.NotNull;

/**
 * A community claims a published resource (认领资源) for one of its open needs.
 */
public record ClaimResourceCmd(@NotNull(message = "{party.lists.need.required}") Long needId) {
}
