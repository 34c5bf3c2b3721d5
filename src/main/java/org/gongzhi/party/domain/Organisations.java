package org.gongzhi.party.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.BadgeView;
import org.gongzhi.party.CoverageGap;
import org.gongzhi.party.OrganisationCmd;
import org.gongzhi.party.OrganisationView;
import org.gongzhi.party.PartyDirectory;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Party organisation tree (党组织) attached to areas, its committees and member units, and the coverage gaps
 * (空白点) of communities, grids and buildings no organisation has reached, all cut to the user's data scope.
 */
@Service
public class Organisations implements PartyDirectory {

	private final PartyRepository repository;

	private final Areas areas;

	private final AuditLog audit;

	private final MemberPhotos photos;

	Organisations(PartyRepository repository, Areas areas, AuditLog audit, MemberPhotos photos) {
		this.photos = photos;
		this.repository = repository;
		this.areas = areas;
		this.audit = audit;
	}

	/** The organisations in the user's scope, parents before children. */
	@Transactional(readOnly = true)
	public List<OrganisationView> tree(GongzhiUser me) {
		PartyAccess.requireStaff(me);
		return repository.organisations(PartyAccess.prefix(me)).stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public OrganisationView get(GongzhiUser me, long id) {
		PartyAccess.requireStaff(me);
		OrganisationView view = repository.organisation(id).map(this::view)
			.orElseThrow(() -> DomainException.notFound("party.organisation.notFound"));
		PartyAccess.requireScope(me, view.areaCode());
		return view;
	}

	@Transactional
	public OrganisationView create(GongzhiUser me, OrganisationCmd cmd) {
		check(me, cmd, null);
		long id = repository.insertOrganisation(cmd);
		audit.record("party.organisation.create", "party-organisation", String.valueOf(id),
				cmd.kind().name() + " " + cmd.name());
		return get(me, id);
	}

	@Transactional
	public OrganisationView update(GongzhiUser me, long id, OrganisationCmd cmd) {
		get(me, id);
		check(me, cmd, id);
		repository.updateOrganisation(id, cmd);
		audit.record("party.organisation.update", "party-organisation", String.valueOf(id), cmd.name());
		return get(me, id);
	}

	private void check(GongzhiUser me, OrganisationCmd cmd, Long self) {
		AreaView area = areas.find(cmd.areaCode()).orElseThrow(
				() -> DomainException.invalid("areaCode", "party.areaCode.unknown", cmd.areaCode()));
		if (area.level().ordinal() < AreaLevel.STREET.ordinal() || area.level().ordinal() > AreaLevel.BUILDING.ordinal()) {
			throw DomainException.invalid("areaCode", "party.areaCode.level");
		}
		PartyAccess.requireManager(me, cmd.areaCode());
		if (cmd.termStart() != null && cmd.termEnd() != null && cmd.termEnd().isBefore(cmd.termStart())) {
			throw DomainException.invalid("termEnd", "party.term.order");
		}
		if (cmd.parentId() != null) {
			PartyRepository.OrgRow parent = repository.organisation(cmd.parentId())
				.orElseThrow(() -> DomainException.invalid("parentId", "party.parent.unknown"));
			if (self != null && repository.subtree(self).contains(parent.id())) {
				throw DomainException.invalid("parentId", "party.parent.cycle");
			}
			if (!cmd.areaCode().startsWith(parent.areaCode()) && !parent.kind().joint()) {
				throw DomainException.invalid("parentId", "party.parent.area");
			}
		}
		if (cmd.memberUnits() != null && !cmd.memberUnits().isEmpty() && !cmd.kind().joint()) {
			throw DomainException.invalid("memberUnits", "party.units.notJoint");
		}
	}

	/**
	 * Communities, grids and buildings under the area without any Party organisation attached to them or inside
	 * them; a building also counts as reached when its grid has an organisation (入楼院 through the grid branch).
	 */
	@Transactional(readOnly = true)
	public List<CoverageGap> coverage(GongzhiUser me, String areaCode) {
		PartyAccess.requireStaff(me);
		String root = areaCode != null && !areaCode.isBlank() ? areaCode.strip() : defaultRoot(me);
		PartyAccess.requireScope(me, root);
		AreaView rootArea = areas.find(root).orElseThrow(() -> DomainException.notFound("party.area.notFound"));
		List<String> attached = repository.organisationAreas(root + "%");
		List<CoverageGap> gaps = new ArrayList<>();
		walk(rootArea, attached, gaps, new HashSet<>());
		return gaps;
	}

	private void walk(AreaView area, List<String> attached, List<CoverageGap> gaps, Set<String> seen) {
		if (area.level() == AreaLevel.BUILDING || !seen.add(area.code())) {
			return;
		}
		for (AreaView child : areas.children(area.code())) {
			if (child.level().ordinal() > AreaLevel.BUILDING.ordinal()) {
				continue;
			}
			boolean reached = attached.stream().anyMatch(a -> a.startsWith(child.code()))
					|| (child.level() == AreaLevel.BUILDING && attached.contains(area.code()));
			if (!reached && child.level().ordinal() >= AreaLevel.COMMUNITY.ordinal()) {
				gaps.add(new CoverageGap(child.code(), child.name(), child.level(), area.name()));
			}
			walk(child, attached, gaps, seen);
		}
	}

	private String defaultRoot(GongzhiUser me) {
		if (me.scope().areaCode() != null) {
			return me.scope().areaCode();
		}
		return areas.ofLevel(AreaLevel.STREET).stream().findFirst().map(AreaView::code)
			.orElseThrow(() -> DomainException.notFound("party.area.notFound"));
	}

	OrganisationView view(PartyRepository.OrgRow row) {
		return new OrganisationView(row.id(), row.parentId(), row.kind(), row.name(), row.areaCode(),
				areaName(row.areaCode()), row.termStart(), row.termEnd(), row.memberCount(),
				repository.committee(row.id()), repository.memberUnits(row.id()));
	}

	String areaName(String code) {
		if (code == null) {
			return null;
		}
		return areas.find(code).map(AreaView::name).orElse(code);
	}

	@Override
	@Transactional(readOnly = true)
	public List<OrganisationView> organisationsIn(String areaCode) {
		return repository.organisations(areaCode + "%").stream().map(this::view).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<BadgeView> badges(String areaCode) {
		List<PartyRepository.MemberRow> rows = repository.badges(areaCode + "%");
		java.util.Set<Long> photos = this.photos.withPhoto(rows.stream().map(PartyRepository.MemberRow::id).toList());
		return rows.stream()
			.map(m -> new BadgeView(m.id(), m.name(), m.organisationName(), m.badgePost(), m.badgePromise(),
					areaName(m.residenceAreaCode() != null ? m.residenceAreaCode() : m.organisationArea()),
					photos.contains(m.id())))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean anyOrganisation() {
		return repository.anyOrganisation();
	}

}
