package org.gongzhi.party;

import jakarta.validation.constraints.Size;

/**
 * The community's decision on a 双报到: accept, or refuse with a reason (required when refusing).
 */
public record ReviewCmd(boolean accept, @Size(max = 300, message = "{party.reason.size}") String reason) {
}
