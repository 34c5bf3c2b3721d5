package org.gongzhi.party.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.MilestoneCmd;
import org.gongzhi.party.NeedStatus;
import org.gongzhi.party.ProgressCmd;
import org.gongzhi.party.ProjectStatus;
import org.gongzhi.party.ProjectView;
import org.gongzhi.party.ProviderView;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project list (项目清单): projects made from claimed needs, shown publicly on the project board to every
 * signed-in user, and kept up by the people on either side (the owner, the provider's accounts and the community's
 * managers) with milestones, progress and a result. Finishing a project completes its need; stopping it frees the
 * need for another claim.
 */
@Service
public class Projects {

	private final ListsRepository repository;

	private final Areas areas;

	private final AuditLog audit;

	Projects(ListsRepository repository, Areas areas, AuditLog audit) {
		this.repository = repository;
		this.areas = areas;
		this.audit = audit;
	}

	/** The public board: any signed-in user, optionally one community, a search text, a status or a provider. */
	@Transactional(readOnly = true)
	public PageResult<ProjectView> board(String community, String q, ProjectStatus status, String providerKey,
			int page, int size) {
		ListsRepository.ProjectFilter filter = new ListsRepository.ProjectFilter(pattern(community), q, status,
				providerKey);
		int p = Math.max(0, page);
		return new PageResult<>(repository.projects(filter, p * size, size).stream().map(this::view).toList(), p,
				size, repository.countProjects(filter));
	}

	/** How many projects are in progress, done and stopped (in one community or everywhere). */
	@Transactional(readOnly = true)
	public Map<ProjectStatus, Long> counts(String community) {
		Map<ProjectStatus, Long> counts = new EnumMap<>(ProjectStatus.class);
		for (ProjectStatus s : ProjectStatus.values()) {
			counts.put(s, 0L);
		}
		counts.putAll(repository.projectCounts(pattern(community)));
		return counts;
	}

	@Transactional(readOnly = true)
	public ProjectView get(long id) {
		return repository.project(id).map(this::view)
			.orElseThrow(() -> DomainException.notFound("party.lists.project.notFound"));
	}

	/** Whether the user may keep the project up: its owner, an account of its provider, or a manager of its community. */
	@Transactional(readOnly = true)
	public boolean canManage(GongzhiUser me, ProjectView project) {
		return canManage(me, project.ownerUserId(), project.providerKey(), project.communityCode());
	}

	@Transactional
	public ProjectView progress(GongzhiUser me, long id, ProgressCmd cmd) {
		ListsRepository.ProjectRow row = manageable(me, id);
		ProjectStatus status = cmd.status() == null ? ProjectStatus.ACTIVE : cmd.status();
		String result = PartyRepository.blank(cmd.result());
		int progress = cmd.progress();
		if (status == ProjectStatus.DONE) {
			if (result == null) {
				throw DomainException.invalid("result", "party.lists.result.required");
			}
			progress = 100;
		}
		if (status == ProjectStatus.STOPPED && result == null) {
			throw DomainException.invalid("result", "party.lists.stopReason.required");
		}
		apply(row, progress, result, status, Instant.now());
		audit.record(status == ProjectStatus.ACTIVE ? "party.project.progress"
				: status == ProjectStatus.DONE ? "party.project.finish" : "party.project.stop", "party-project",
				String.valueOf(id), progress + "% " + (result == null ? "" : result));
		return get(id);
	}

	@Transactional
	public ProjectView addMilestone(GongzhiUser me, long id, MilestoneCmd cmd) {
		manageable(me, id);
		long milestone = repository.insertMilestone(id, cmd.title(), cmd.dueOn(), false, Instant.now());
		audit.record("party.project.milestone", "party-project", String.valueOf(id),
				"#" + milestone + " " + cmd.title().strip());
		return get(id);
	}

	@Transactional
	public ProjectView markMilestone(GongzhiUser me, long id, long milestoneId, boolean done) {
		manageable(me, id);
		if (repository.markMilestone(id, milestoneId, done, Instant.now()) == 0) {
			throw DomainException.notFound("party.lists.milestone.notFound");
		}
		audit.record(done ? "party.project.milestoneDone" : "party.project.milestoneReopen", "party-project",
				String.valueOf(id), "#" + milestoneId);
		return get(id);
	}

	/** Opens a project on a locked open need and marks the need claimed (the callers check who may claim). */
	long open(ListsRepository.NeedRow need, Long resourceId, String offer, ListsRepository.ProviderRow provider,
			boolean byCommunity, Long ownerUserId, String ownerName, Instant at) {
		if (need.status() != NeedStatus.OPEN
				|| repository.setNeedStatus(need.id(), NeedStatus.OPEN, NeedStatus.CLAIMED) == 0) {
			throw DomainException.conflict("party.lists.need.notOpen");
		}
		String owner = ownerName.length() > 50 ? ownerName.substring(0, 50) : ownerName;
		return repository.insertProject(need.id(), resourceId, offer, provider, byCommunity ? "COMMUNITY" : "PROVIDER",
				need.title(), need.communityCode(), ownerUserId, owner, at);
	}

	/** Stores progress on an active project and moves its need along with a finish or stop. */
	void apply(ListsRepository.ProjectRow row, int progress, String result, ProjectStatus status, Instant at) {
		if (repository.updateProgress(row.id(), progress, result, status, at) == 0) {
			throw DomainException.conflict("party.lists.project.closed");
		}
		if (status == ProjectStatus.DONE) {
			repository.setNeedStatus(row.needId(), NeedStatus.CLAIMED, NeedStatus.DONE);
		}
		else if (status == ProjectStatus.STOPPED) {
			repository.setNeedStatus(row.needId(), NeedStatus.CLAIMED, NeedStatus.OPEN);
		}
	}

	private ListsRepository.ProjectRow manageable(GongzhiUser me, long id) {
		ListsRepository.ProjectRow row = repository.projectForUpdate(id)
			.orElseThrow(() -> DomainException.notFound("party.lists.project.notFound"));
		if (!canManage(me, row.ownerUserId(), row.providerKey(), row.communityCode())) {
			throw DomainException.forbidden("party.lists.project.forbidden");
		}
		if (row.status() != ProjectStatus.ACTIVE) {
			throw DomainException.conflict("party.lists.project.closed");
		}
		return row;
	}

	private boolean canManage(GongzhiUser me, Long ownerUserId, String providerKey, String communityCode) {
		if (ownerUserId != null && ownerUserId == me.id()) {
			return true;
		}
		Optional<ListsRepository.ProviderRow> unit = repository.unitOfUser(me.id());
		if (unit.isPresent()) {
			return unit.get().key().equals(providerKey);
		}
		if (PartyAccess.manager(me) && me.scope().covers(communityCode)) {
			return true;
		}
		return repository.memberProviderOfUser(me.id()).map(p -> p.key().equals(providerKey)).orElse(false);
	}

	ProjectView view(ListsRepository.ProjectRow r) {
		return new ProjectView(r.id(), r.needId(), r.needTitle(), r.category(), r.resourceId(), r.resourceTitle(),
				r.offer(), r.providerKind(), r.providerKey(), r.providerName(), r.claimedBy(), r.title(),
				r.communityCode(), areaName(r.communityCode()), r.ownerUserId(), r.ownerName(), r.progress(),
				r.result(), r.status(), r.startedAt(), r.finishedAt(), repository.milestones(r.id()));
	}

	String areaName(String code) {
		return code == null ? null : areas.find(code).map(AreaView::name).orElse(code);
	}

	static String pattern(String community) {
		return community == null || community.isBlank() ? "%" : community.strip() + "%";
	}

	static ProviderView provider(ListsRepository.ProviderRow p) {
		return new ProviderView(p.kind(), p.id(), p.key(), p.name());
	}

}
