package org.gongzhi.party;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Adds a milestone (里程碑) to a project: what is to be reached and by when.
 */
public record MilestoneCmd(
		@NotBlank(message = "{party.lists.milestone.required}") @Size(max = 100, message = "{party.lists.milestone.size}") String title,
		LocalDate dueOn) {
}
