package org.gongzhi.party.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.cases.CaseApi;
import org.gongzhi.notify.NotifyApi;
import org.gongzhi.cases.CaseView;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.ClaimNeedCmd;
import org.gongzhi.party.ClaimResourceCmd;
import org.gongzhi.party.MatchView;
import org.gongzhi.party.NeedCategory;
import org.gongzhi.party.NeedCmd;
import org.gongzhi.party.NeedSource;
import org.gongzhi.party.NeedStatus;
import org.gongzhi.party.NeedView;
import org.gongzhi.party.ProjectView;
import org.gongzhi.party.ProviderView;
import org.gongzhi.party.ResourceCmd;
import org.gongzhi.party.ResourceKind;
import org.gongzhi.party.ResourceView;
import org.gongzhi.party.UnitAccountCmd;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The need list (需求清单) and resource list (资源清单) with two-way claiming (双向认领). Community managers publish and
 * withdraw needs in their scope and claim a resource for one of their needs; units (accounts linked to a unit) and
 * Party members publish resources and claim open needs. Either claim opens a project at once, without a second
 * confirmation, since both sides see it on the public project board and may stop it there. Both lists are public to
 * every signed-in user; matching ranks open resources for a need by category, distance and past delivery.
 */
@Service
public class ThreeLists {

	private final ListsRepository repository;

	private final Projects projects;

	private final Areas areas;

	private final CaseApi cases;

	private final AuditLog audit;

	private final PartyRepository organisations;

	private final NotifyApi notify;

	private final MessageSource bundle;

	ThreeLists(ListsRepository repository, Projects projects, Areas areas, CaseApi cases, AuditLog audit,
			PartyRepository organisations, NotifyApi notify, MessageSource bundle) {
		this.repository = repository;
		this.notify = notify;
		this.bundle = bundle;
		this.organisations = organisations;
		this.projects = projects;
		this.areas = areas;
		this.cases = cases;
		this.audit = audit;
	}

	// who is who

	/** Who the user offers resources as: the unit their account is linked to, else their own member record. */
	@Transactional(readOnly = true)
	public Optional<ProviderView> providerOf(GongzhiUser me) {
		return providerRow(me).map(Projects::provider);
	}

	/**
	 * Whether the user manages needs: a manager role (community staff, Party secretary, street or system admin) on an
	 * account that does not speak for a unit.
	 */
	@Transactional(readOnly = true)
	public boolean communityManager(GongzhiUser me) {
		return PartyAccess.manager(me) && !me.scope().isEmpty() && repository.unitOfUser(me.id()).isEmpty();
	}

	private Optional<ListsRepository.ProviderRow> providerRow(GongzhiUser me) {
		Optional<ListsRepository.ProviderRow> unit = repository.unitOfUser(me.id());
		return unit.isPresent() ? unit : repository.memberProviderOfUser(me.id());
	}

	private void requireCommunityManager(GongzhiUser me, String areaCode) {
		if (!communityManager(me)) {
			throw DomainException.forbidden("party.lists.needs.forbidden");
		}
		PartyAccess.requireScope(me, areaCode);
	}

	@Transactional
	public void linkUnitAccount(GongzhiUser me, UnitAccountCmd cmd) {
		PartyRepository.OrgRow org = orgRow(cmd.organisationId());
		PartyAccess.requireManager(me, org.areaCode());
		if (cmd.memberUnitId() != null && organisations.memberUnits(org.id()).stream()
			.noneMatch(u -> u.id() == cmd.memberUnitId())) {
			throw DomainException.invalid("memberUnitId", "party.lists.unit.unknown");
		}
		repository.linkUnitAccount(cmd.userId(), cmd.organisationId(), cmd.memberUnitId());
		audit.record("party.unit.link", "user", String.valueOf(cmd.userId()),
				org.name() + (cmd.memberUnitId() == null ? "" : " #" + cmd.memberUnitId()));
	}

	private PartyRepository.OrgRow orgRow(long id) {
		return organisations.organisation(id)
			.orElseThrow(() -> DomainException.invalid("organisationId", "party.organisation.unknown"));
	}

	// needs

	@Transactional
	public NeedView publishNeed(GongzhiUser me, NeedCmd cmd) {
		String community = checkNeed(cmd);
		requireCommunityManager(me, cmd.areaCode().strip());
		double[] point = point(cmd);
		long id = repository.insertNeed(cmd, community, point == null ? null : point[0],
				point == null ? null : point[1], me.id(), Instant.now());
		audit.record("party.need.create", "party-need", String.valueOf(id),
				cmd.category().name() + " " + cmd.title().strip());
		return need(id);
	}

	/**
	 * A need drafted from a case (案件转需求), for a community manager to check and publish: the case's grid (or
	 * community), a title naming the case, its description and point, and the source 反复发生的案件. Empty when there
	 * is no such case or it lies outside the manager's communities.
	 */
	public Optional<Map<String, String>> draftFromCase(GongzhiUser me, String caseNo) {
		if (!communityManager(me) || caseNo == null || caseNo.isBlank()) {
			return Optional.empty();
		}
		return cases.find(caseNo.strip())
			.filter(c -> c.communityCode() != null && me.scope().covers(c.communityCode()))
			.map(c -> {
				Map<String, String> draft = new java.util.HashMap<>();
				draft.put("areaCode", c.gridCode() != null ? c.gridCode() : c.communityCode());
				String title = c.categoryName() + "（案件 " + c.caseNo() + "）";
				draft.put("title", title.length() > 100 ? title.substring(0, 100) : title);
				draft.put("source", NeedSource.RECURRING_CASE.name());
				draft.put("caseNo", c.caseNo());
				String description = c.description() == null ? "" : c.description();
				draft.put("description", description.length() > 1000 ? description.substring(0, 1000) : description);
				draft.put("lng", c.lng() == null ? "" : c.lng().toString());
				draft.put("lat", c.lat() == null ? "" : c.lat().toString());
				return draft;
			});
	}

	/** Checks the need's area and case; answers its community code. */
	String checkNeed(NeedCmd cmd) {
		AreaView area = areas.find(cmd.areaCode().strip())
			.filter(a -> a.level() == AreaLevel.COMMUNITY || a.level() == AreaLevel.GRID)
			.orElseThrow(() -> DomainException.invalid("areaCode", "party.lists.area.unknown"));
		if ((cmd.lng() == null) != (cmd.lat() == null)) {
			throw DomainException.invalid("lat", "party.lists.point.both");
		}
		String caseNo = PartyRepository.blank(cmd.caseNo());
		if (caseNo != null) {
			if (cmd.source() != NeedSource.RECURRING_CASE) {
				throw DomainException.invalid("caseNo", "party.lists.caseNo.onlyCase");
			}
			if (cases.find(caseNo).isEmpty()) {
				throw DomainException.invalid("caseNo", "party.lists.caseNo.unknown", caseNo);
			}
		}
		return area.code().substring(0, AreaLevel.COMMUNITY.codeLength());
	}

	/** The need's point as given, else the linked case's point, else none (distance then falls back to areas). */
	double[] point(NeedCmd cmd) {
		if (cmd.lng() != null && cmd.lat() != null) {
			return new double[] { cmd.lng(), cmd.lat() };
		}
		String caseNo = PartyRepository.blank(cmd.caseNo());
		if (caseNo != null) {
			Optional<CaseView> c = cases.find(caseNo);
			if (c.isPresent() && c.get().lng() != null && c.get().lat() != null) {
				return new double[] { c.get().lng(), c.get().lat() };
			}
		}
		return null;
	}

	@Transactional(readOnly = true)
	public PageResult<NeedView> needs(String community, String q, NeedCategory category, NeedStatus status, int page,
			int size) {
		ListsRepository.NeedFilter filter = new ListsRepository.NeedFilter(Projects.pattern(community), q, category,
				status);
		int p = Math.max(0, page);
		return new PageResult<>(repository.needs(filter, p * size, size).stream().map(this::view).toList(), p, size,
				repository.countNeeds(filter));
	}

	@Transactional(readOnly = true)
	public NeedView need(long id) {
		return repository.need(id).map(this::view)
			.orElseThrow(() -> DomainException.notFound("party.lists.need.notFound"));
	}

	/** The open needs a community manager may claim resources for (their scope), newest first. */
	@Transactional(readOnly = true)
	public List<NeedView> claimableNeeds(GongzhiUser me) {
		if (!communityManager(me)) {
			return List.of();
		}
		return repository.needs(new ListsRepository.NeedFilter(PartyAccess.prefix(me), null, null, NeedStatus.OPEN),
				0, 200).stream().map(this::view).toList();
	}

	@Transactional
	public NeedView withdrawNeed(GongzhiUser me, long id) {
		ListsRepository.NeedRow need = repository.needForUpdate(id)
			.orElseThrow(() -> DomainException.notFound("party.lists.need.notFound"));
		requireCommunityManager(me, need.areaCode());
		if (repository.setNeedStatus(id, NeedStatus.OPEN, NeedStatus.WITHDRAWN) == 0) {
			throw DomainException.conflict("party.lists.need.notOpen");
		}
		audit.record("party.need.withdraw", "party-need", String.valueOf(id), need.title());
		return need(id);
	}

	// resources

	@Transactional
	public ResourceView publishResource(GongzhiUser me, ResourceCmd cmd) {
		ListsRepository.ProviderRow provider;
		if (cmd.providerKind() == null && cmd.providerId() == null) {
			provider = providerRow(me).orElseThrow(() -> DomainException.forbidden("party.lists.provider.none"));
		}
		else {
			if (cmd.providerKind() == null || cmd.providerId() == null) {
				throw DomainException.invalid("providerId", "party.lists.provider.both");
			}
			provider = repository.provider(cmd.providerKind(), cmd.providerId())
				.orElseThrow(() -> DomainException.invalid("providerId", "party.lists.provider.unknown"));
			boolean own = providerRow(me).map(p -> p.key().equals(provider.key())).orElse(false);
			if (!own) {
				PartyAccess.requireManager(me, provider.areaCode());
			}
		}
		checkResource(cmd);
		long id = repository.insertResource(provider, cmd, me.id(), Instant.now());
		audit.record("party.resource.create", "party-resource", String.valueOf(id),
				provider.name() + " " + cmd.kind().name() + " " + cmd.title().strip());
		return resource(id);
	}

	void checkResource(ResourceCmd cmd) {
		if ((cmd.lng() == null) != (cmd.lat() == null)) {
			throw DomainException.invalid("lat", "party.lists.point.both");
		}
		String area = PartyRepository.blank(cmd.areaCode());
		if (area != null && areas.find(area).isEmpty()) {
			throw DomainException.invalid("areaCode", "party.lists.area.unknown");
		}
	}

	@Transactional(readOnly = true)
	public PageResult<ResourceView> resources(String q, ResourceKind kind, NeedCategory category, String providerKey,
			boolean openOnly, int page, int size) {
		ListsRepository.ResourceFilter filter = new ListsRepository.ResourceFilter(q, kind, category, providerKey,
				openOnly);
		int p = Math.max(0, page);
		Map<String, Long> delivered = repository.delivered();
		return new PageResult<>(repository.resources(filter, p * size, size).stream()
			.map(r -> view(r, delivered.getOrDefault(r.providerKey(), 0L))).toList(), p, size,
				repository.countResources(filter));
	}

	@Transactional(readOnly = true)
	public ResourceView resource(long id) {
		ListsRepository.ResourceRow row = repository.resource(id)
			.orElseThrow(() -> DomainException.notFound("party.lists.resource.notFound"));
		return view(row, repository.deliveredBy(row.providerKey()));
	}

	/** The user's own open resources, to offer when claiming a need. */
	@Transactional(readOnly = true)
	public List<ResourceView> myResources(GongzhiUser me) {
		return providerRow(me).map(p -> resources(null, null, null, p.key(), true, 0, 200).items())
			.orElse(List.of());
	}

	@Transactional
	public ResourceView withdrawResource(GongzhiUser me, long id) {
		ListsRepository.ResourceRow row = repository.resource(id)
			.orElseThrow(() -> DomainException.notFound("party.lists.resource.notFound"));
		boolean own = providerRow(me).map(p -> p.key().equals(row.providerKey())).orElse(false);
		if (!own) {
			ListsRepository.ProviderRow provider = repository.provider(row.providerKind(), providerId(row))
				.orElseThrow();
			PartyAccess.requireManager(me, provider.areaCode());
		}
		if (repository.withdrawResource(id) == 0) {
			throw DomainException.conflict("party.lists.resource.withdrawn");
		}
		audit.record("party.resource.withdraw", "party-resource", String.valueOf(id), row.title());
		return resource(id);
	}

	// matching

	/** Open resources ranked for the need, best first, with the parts of each score. */
	@Transactional(readOnly = true)
	public List<MatchView> matches(long needId, int limit) {
		ListsRepository.NeedRow need = repository.need(needId)
			.orElseThrow(() -> DomainException.notFound("party.lists.need.notFound"));
		Map<String, Long> delivered = repository.delivered();
		List<MatchView> matches = new ArrayList<>();
		for (ListsRepository.ResourceRow r : repository.openResources()) {
			long done = delivered.getOrDefault(r.providerKey(), 0L);
			boolean estimated = need.lng() == null || r.lng() == null;
			double km = estimated ? MatchScores.estimatedKm(need.areaCode(), resourceArea(r))
					: MatchScores.haversineKm(need.lng(), need.lat(), r.lng(), r.lat());
			int category = MatchScores.category(need.category(), r.category());
			int distance = MatchScores.distance(km);
			int delivery = MatchScores.delivery(done);
			matches.add(new MatchView(view(r, done), category, Math.round(km * 100) / 100.0, estimated, distance, done,
					delivery, category + distance + delivery));
		}
		matches.sort(Comparator.comparingInt(MatchView::score).reversed()
			.thenComparingDouble(MatchView::distanceKm).thenComparing(m -> m.resource().id()));
		return matches.subList(0, Math.min(limit, matches.size()));
	}

	private String resourceArea(ListsRepository.ResourceRow r) {
		if (r.areaCode() != null) {
			return r.areaCode();
		}
		return repository.provider(r.providerKind(), providerId(r)).map(ListsRepository.ProviderRow::areaCode)
			.orElse(null);
	}

	// two-way claiming

	/** A unit or member claims an open need with one of their resources or a free-text offer (认领需求). */
	@Transactional
	public ProjectView claimNeed(GongzhiUser me, long needId, ClaimNeedCmd cmd) {
		ListsRepository.ProviderRow provider = providerRow(me)
			.orElseThrow(() -> DomainException.forbidden("party.lists.provider.none"));
		ListsRepository.NeedRow need = repository.needForUpdate(needId)
			.orElseThrow(() -> DomainException.notFound("party.lists.need.notFound"));
		String offer = PartyRepository.blank(cmd.offer());
		if (cmd.resourceId() != null) {
			ListsRepository.ResourceRow resource = repository.resource(cmd.resourceId())
				.orElseThrow(() -> DomainException.invalid("resourceId", "party.lists.resource.notFound"));
			if (!resource.providerKey().equals(provider.key())) {
				throw DomainException.invalid("resourceId", "party.lists.resource.notYours");
			}
			if (!"OPEN".equals(resource.status())) {
				throw DomainException.conflict("party.lists.resource.withdrawn");
			}
		}
		else if (offer == null) {
			throw DomainException.invalid("offer", "party.lists.offer.required");
		}
		long id = projects.open(need, cmd.resourceId(), offer, provider, false, me.id(), me.displayName(),
				Instant.now());
		audit.record("party.need.claim", "party-project", String.valueOf(id),
				provider.name() + " → " + need.title());
		tellPublisher(me, repository.publisher("need", needId), id, "party.lists.notify.needClaimed", need.title(),
				provider.name());
		return projects.get(id);
	}

	/** A community claims a resource for one of its open needs (认领资源). */
	@Transactional
	public ProjectView claimResource(GongzhiUser me, long resourceId, ClaimResourceCmd cmd) {
		ListsRepository.ResourceRow resource = repository.resource(resourceId)
			.orElseThrow(() -> DomainException.notFound("party.lists.resource.notFound"));
		ListsRepository.NeedRow need = repository.needForUpdate(cmd.needId())
			.orElseThrow(() -> DomainException.invalid("needId", "party.lists.need.notFound"));
		requireCommunityManager(me, need.areaCode());
		if (!"OPEN".equals(resource.status())) {
			throw DomainException.conflict("party.lists.resource.withdrawn");
		}
		ListsRepository.ProviderRow provider = repository.provider(resource.providerKind(), providerId(resource))
			.orElseThrow();
		long id = projects.open(need, resourceId, null, provider, true, me.id(), me.displayName(), Instant.now());
		audit.record("party.resource.claim", "party-project", String.valueOf(id),
				need.title() + " ← " + resource.title());
		tellPublisher(me, repository.publisher("resource", resourceId), id, "party.lists.notify.resourceClaimed",
				resource.title(), need.title());
		return projects.get(id);
	}

	/**
	 * Tells whoever published the claimed need or resource that it was claimed, with a link to the new project, in
	 * the same transaction as the claim; nobody is told of their own claim.
	 */
	private void tellPublisher(GongzhiUser me, Optional<Long> publisher, long projectId, String key, Object... args) {
		if (publisher.isPresent() && publisher.get() != me.id()) {
			Locale zh = Locale.SIMPLIFIED_CHINESE;
			notify.notifyUser(publisher.get(), bundle.getMessage(key + ".title", args, zh),
					bundle.getMessage(key + ".body", args, zh), "/party/projects/" + projectId);
		}
	}

	static long providerId(ListsRepository.ResourceRow r) {
		return switch (r.providerKind()) {
			case ORGANISATION -> r.organisationId();
			case MEMBER_UNIT -> r.memberUnitId();
			case MEMBER -> r.memberId();
		};
	}

	NeedView view(ListsRepository.NeedRow n) {
		return new NeedView(n.id(), n.areaCode(), projects.areaName(n.areaCode()), n.communityCode(),
				projects.areaName(n.communityCode()), n.title(), n.category(), n.description(), n.source(), n.caseNo(),
				n.lng(), n.lat(), n.wantedBy(), n.status(), n.createdAt(), n.projectId());
	}

	ResourceView view(ListsRepository.ResourceRow r, long delivered) {
		return new ResourceView(r.id(), r.providerKind(), r.providerKey(), r.providerName(), r.kind(), r.category(),
				r.title(), r.description(), r.capacity(), r.availability(), r.areaCode(), projects.areaName(r.areaCode()),
				r.lng(), r.lat(), "OPEN".equals(r.status()), r.createdAt(), r.liveProjects(), delivered);
	}

}
