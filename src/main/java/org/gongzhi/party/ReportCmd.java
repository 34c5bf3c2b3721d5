package org.gongzhi.party;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A 双报到 to a residence community: by the member themselves (no member id) or registered by staff for a member.
 */
public record ReportCmd(Long memberId,
		@NotBlank(message = "{party.community.required}") @Pattern(regexp = "^\\d{12}$", message = "{party.community.pattern}") String communityCode) {
}
