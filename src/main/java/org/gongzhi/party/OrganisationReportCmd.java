package org.gongzhi.party;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An employer unit's Party organisation reporting to the community it pairs with (单位党组织报到): who the contact is
 * and what the unit commits to contribute (共建承诺).
 */
public record OrganisationReportCmd(@NotNull(message = "{party.orgReport.organisation.required}") Long organisationId,
		@NotBlank(message = "{party.orgReport.community.required}") String communityCode,
		@NotBlank(message = "{party.orgReport.contact.required}") @Size(max = 50, message = "{party.orgReport.contact.size}") String contactName,
		@NotBlank(message = "{party.orgReport.commitment.required}") @Size(max = 500, message = "{party.orgReport.commitment.size}") String commitment) {
}
