package org.gongzhi.party;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An issue a leader takes up in a community (领办事项): title, detail, an optional case number of the cases module
 * and a due day.
 */
public record LeaderIssueCmd(
		@NotNull(message = "{party.leader.assignment.required}") Long assignmentId,
		@NotBlank(message = "{party.leader.title.required}") @Size(max = 100, message = "{party.leader.title.size}") String title,
		@Size(max = 1000, message = "{party.leader.detail.size}") String detail,
		@Size(max = 40, message = "{party.leader.caseNo.size}") String caseNo,
		LocalDate dueOn) {
}
