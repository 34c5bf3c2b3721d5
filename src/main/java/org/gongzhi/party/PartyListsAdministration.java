package org.gongzhi.party;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Bulk set-up of the three lists (三张清单) and their projects without a signed-in user (demo data, migrations from
 * other systems): no scope checks and no audit entries, so callers must be trusted code.
 */
public interface PartyListsAdministration {

	/** Links a sign-in account to a unit, replacing an earlier link of the account. */
	void linkUnitAccount(long userId, long organisationId, Long memberUnitId);

	long createNeed(NeedCmd cmd, Instant createdAt);

	long createResource(ProviderKind providerKind, long providerId, ResourceCmd cmd, Instant createdAt);

	/**
	 * Turns an open need into a project, as its provider claimed it or as the community claimed the resource.
	 * @param resourceId the resource used, or nothing for a free-text offer
	 * @param providerKind and providerId name the provider when no resource is given
	 */
	long createProject(long needId, Long resourceId, ProviderKind providerKind, Long providerId, String offer,
			boolean byCommunity, String ownerName, Instant startedAt);

	void addMilestone(long projectId, String title, LocalDate dueOn, boolean done);

	/** Records progress; DONE also closes the need, STOPPED frees it again. */
	void recordProgress(long projectId, int progress, String result, ProjectStatus status, Instant at);

	/** Whether any need exists (demo loading runs once). */
	boolean anyNeed();

}
