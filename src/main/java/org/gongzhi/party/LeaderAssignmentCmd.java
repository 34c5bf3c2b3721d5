package org.gongzhi.party;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Assigns a leader to a community (领导联系社区): a user with the leader role, or a name and post for a leader without
 * an account, from a start day to an optional end day.
 */
public record LeaderAssignmentCmd(
		@NotBlank(message = "{party.community.required}") @Pattern(regexp = "^\\d{12}$", message = "{party.community.pattern}") String communityCode,
		Long leaderUserId,
		@Size(max = 50, message = "{party.leader.name.size}") String leaderName,
		@Size(max = 100, message = "{party.leader.post.size}") String leaderPost,
		@NotNull(message = "{party.leader.startsOn.required}") LocalDate startsOn,
		LocalDate endsOn) {
}
