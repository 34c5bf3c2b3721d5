package org.gongzhi.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project (项目) made from a claimed need, as the public board shows it: the need, the resource or offer, the
 * provider, which side claimed, the owner, milestones, progress and result.
 */
public record ProjectView(long id, long needId, String needTitle, NeedCategory category, Long resourceId,
		String resourceTitle, String offer, ProviderKind providerKind, String providerKey, String providerName,
		String claimedBy, String title, String communityCode, String communityName, Long ownerUserId,
		String ownerName, int progress, String result, ProjectStatus status, Instant startedAt, Instant finishedAt,
		List<Milestone> milestones) {

	/** One milestone (里程碑) of a project. */
	public record Milestone(long id, String title, LocalDate dueOn, boolean done) {
	}

	public boolean active() {
		return status == ProjectStatus.ACTIVE;
	}

}
