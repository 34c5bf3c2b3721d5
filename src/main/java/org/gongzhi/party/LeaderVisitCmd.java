package org.gongzhi.party;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Records a leader's visit to a community they are assigned to (走访): the day, the people met and what was discussed.
 */
public record LeaderVisitCmd(
		@NotNull(message = "{party.leader.assignment.required}") Long assignmentId,
		@NotNull(message = "{party.leader.visitedOn.required}") @PastOrPresent(message = "{party.leader.visitedOn.past}") LocalDate visitedOn,
		@NotBlank(message = "{party.leader.peopleMet.required}") @Size(max = 300, message = "{party.leader.peopleMet.size}") String peopleMet,
		@NotBlank(message = "{party.leader.discussed.required}") @Size(max = 1000, message = "{party.leader.discussed.size}") String discussed) {
}
