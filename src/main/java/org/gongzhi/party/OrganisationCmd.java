package org.gongzhi.party;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creates or changes a Party organisation: its kind, name, parent, the area it covers, its term, committee and member
 * units (the committee and units given replace the stored ones).
 */
public record OrganisationCmd(
		@NotNull(message = "{party.kind.required}") OrgKind kind,
		@NotBlank(message = "{party.name.required}") @Size(max = 100, message = "{party.name.size}") String name,
		Long parentId,
		@NotBlank(message = "{party.areaCode.required}") @Pattern(regexp = "^\\d{6,24}$", message = "{party.areaCode.pattern}") String areaCode,
		LocalDate termStart,
		LocalDate termEnd,
		@Size(max = 30, message = "{party.committee.size}") List<@Valid Seat> committee,
		@Size(max = 100, message = "{party.units.size}") List<@Valid Unit> memberUnits) {

	/** One committee seat to store. */
	public record Seat(@NotNull(message = "{party.post.required}") CommitteePost post,
			@NotBlank(message = "{party.seatName.required}") @Size(max = 50, message = "{party.seatName.size}") String name,
			@Size(max = 100, message = "{party.unitName.size}") String unitName) {
	}

	/** One member unit to store. */
	public record Unit(@NotBlank(message = "{party.unitName.required}") @Size(max = 100, message = "{party.unitName.size}") String name,
			@NotBlank(message = "{party.unitKind.required}") @Size(max = 24, message = "{party.unitKind.size}") String unitKind) {
	}

}
