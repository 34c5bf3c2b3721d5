package org.gongzhi.party.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.gongzhi.party.NeedCmd;
import org.gongzhi.party.PartyListsAdministration;
import org.gongzhi.party.ProjectStatus;
import org.gongzhi.party.ProviderKind;
import org.gongzhi.party.ResourceCmd;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trusted bulk writer behind {@link PartyListsAdministration}: the same checks on areas, claims and progress as
 * the services, without scope checks or audit entries.
 */
@Service
class PartyListsAdministrator implements PartyListsAdministration {

	private final ListsRepository repository;

	private final ThreeLists lists;

	private final Projects projects;

	PartyListsAdministrator(ListsRepository repository, ThreeLists lists, Projects projects) {
		this.repository = repository;
		this.lists = lists;
		this.projects = projects;
	}

	@Override
	@Transactional
	public void linkUnitAccount(long userId, long organisationId, Long memberUnitId) {
		repository.linkUnitAccount(userId, organisationId, memberUnitId);
	}

	@Override
	@Transactional
	public long createNeed(NeedCmd cmd, Instant createdAt) {
		String community = lists.checkNeed(cmd);
		double[] point = lists.point(cmd);
		return repository.insertNeed(cmd, community, point == null ? null : point[0], point == null ? null : point[1],
				null, createdAt);
	}

	@Override
	@Transactional
	public long createResource(ProviderKind providerKind, long providerId, ResourceCmd cmd, Instant createdAt) {
		ListsRepository.ProviderRow provider = repository.provider(providerKind, providerId)
			.orElseThrow(() -> DomainException.invalid("providerId", "party.lists.provider.unknown"));
		lists.checkResource(cmd);
		return repository.insertResource(provider, cmd, null, createdAt);
	}

	@Override
	@Transactional
	public long createProject(long needId, Long resourceId, ProviderKind providerKind, Long providerId, String offer,
			boolean byCommunity, String ownerName, Instant startedAt) {
		ListsRepository.NeedRow need = repository.needForUpdate(needId)
			.orElseThrow(() -> DomainException.notFound("party.lists.need.notFound"));
		ListsRepository.ProviderRow provider;
		if (resourceId != null) {
			ListsRepository.ResourceRow resource = repository.resource(resourceId)
				.orElseThrow(() -> DomainException.notFound("party.lists.resource.notFound"));
			provider = repository.provider(resource.providerKind(), ThreeLists.providerId(resource)).orElseThrow();
		}
		else {
			provider = repository.provider(providerKind, providerId)
				.orElseThrow(() -> DomainException.invalid("providerId", "party.lists.provider.unknown"));
		}
		return projects.open(need, resourceId, offer, provider, byCommunity, null, ownerName, startedAt);
	}

	@Override
	@Transactional
	public void addMilestone(long projectId, String title, LocalDate dueOn, boolean done) {
		repository.insertMilestone(projectId, title, dueOn, done,
				done && dueOn != null ? dueOn.atStartOfDay(PartyMembers.ZONE).toInstant() : Instant.now());
	}

	@Override
	@Transactional
	public void recordProgress(long projectId, int progress, String result, ProjectStatus status, Instant at) {
		ListsRepository.ProjectRow row = repository.projectForUpdate(projectId)
			.orElseThrow(() -> DomainException.notFound("party.lists.project.notFound"));
		projects.apply(row, progress, result, status, at);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean anyNeed() {
		return repository.anyNeed();
	}

}
