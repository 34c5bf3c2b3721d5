package org.gongzhi.party;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registers or changes a Party member. The phone is given in full and stored masked only; an in-service member needs
 * the employer unit.
 */
public record MemberCmd(
		@NotNull(message = "{party.organisation.required}") Long organisationId,
		@NotBlank(message = "{party.memberName.required}") @Size(max = 50, message = "{party.memberName.size}") String name,
		@NotNull(message = "{party.joinDate.required}") @PastOrPresent(message = "{party.joinDate.past}") LocalDate joinDate,
		@NotNull(message = "{party.status.required}") MemberStatus status,
		boolean inService,
		@Size(max = 100, message = "{party.employer.size}") String employerUnit,
		@Size(max = 200, message = "{party.address.size}") String residenceAddress,
		@Pattern(regexp = "^$|^\\d{12,24}$", message = "{party.residenceArea.pattern}") String residenceAreaCode,
		@Pattern(regexp = "^$|^1\\d{10}$|^\\d{3}\\*{4}\\d{4}$", message = "{party.phone.pattern}") String phone,
		Long userId,
		@Size(max = 50, message = "{party.badgePost.size}") String badgePost,
		@Size(max = 200, message = "{party.badgePromise.size}") String badgePromise) implements java.io.Serializable {
}
