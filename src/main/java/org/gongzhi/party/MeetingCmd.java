package org.gongzhi.party;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Records or corrects one branch-life meeting (组织生活记录): which organisation, what kind, when and where, the topic,
 * how many members were expected and present, optionally who was absent and why, and the minutes.
 */
public record MeetingCmd(
		@NotNull(message = "{party.life.organisation.required}") Long organisationId,
		@NotNull(message = "{party.life.kind.required}") MeetingKind kind,
		@NotNull(message = "{party.life.heldOn.required}") LocalDate heldOn,
		@Size(max = 100, message = "{party.life.place.size}") String place,
		@NotBlank(message = "{party.life.topic.required}") @Size(max = 200, message = "{party.life.topic.size}") String topic,
		@NotNull(message = "{party.life.expected.required}") @Min(value = 1, message = "{party.life.expected.range}")
		@Max(value = 10000, message = "{party.life.expected.range}") Integer expected,
		@NotNull(message = "{party.life.present.required}") @Min(value = 0, message = "{party.life.present.range}") Integer present,
		@Size(max = 500, message = "{party.life.absentees.size}") List<@Valid Absentee> absentees,
		@Size(max = 20000, message = "{party.life.minutes.size}") String minutes) {

	/** One absent member and the reason given (请假原因). */
	public record Absentee(
			@NotBlank(message = "{party.life.absentee.name.required}") @Size(max = 50, message = "{party.life.absentee.name.size}") String name,
			@Size(max = 200, message = "{party.life.absentee.reason.size}") String reason) {
	}

}
