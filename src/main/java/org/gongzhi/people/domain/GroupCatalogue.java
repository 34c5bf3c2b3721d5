package org.gongzhi.people.domain;

import java.util.List;
import java.util.Map;

import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.people.GrantCmd;
import org.gongzhi.people.GrantKind;
import org.gongzhi.people.GrantView;
import org.gongzhi.people.GroupKind;
import org.gongzhi.people.PeopleGroups;
import org.gongzhi.people.PersonGroupCmd;
import org.gongzhi.people.PersonGroupView;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The care and key group catalogue and the per-user grants behind {@link PeopleGroups}. Revealing numbers is an
 * explicit per-user grant rather than a role: most staff never need it, and each grant names who gave it.
 */
@Service
public class GroupCatalogue implements PeopleGroups {

	private final GroupStore groups;

	private final PeopleAccess access;

	private final UserDirectory users;

	private final AuditLog audit;

	GroupCatalogue(GroupStore groups, PeopleAccess access, UserDirectory users, AuditLog audit) {
		this.groups = groups;
		this.access = access;
		this.users = users;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PersonGroupView> groups(GongzhiUser me) {
		access.requireRead(me);
		PeopleAccess.Grants grants = access.grants(me);
		return groups.all().stream().filter(PersonGroupView::enabled)
			.filter(g -> g.kind() == GroupKind.CARE || grants.keyGroup(g.code())).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<PersonGroupView> allGroups(GongzhiUser me) {
		access.requireGroupAdmin(me);
		return groups.all();
	}

	@Override
	@Transactional
	public PersonGroupView saveGroup(GongzhiUser me, PersonGroupCmd cmd) {
		access.requireGroupAdmin(me);
		if (groups.nameTaken(cmd.name().strip(), cmd.code())) {
			throw DomainException.invalid("name", "people.group.name.taken");
		}
		groups.find(cmd.code()).filter(g -> g.kind() != cmd.kind()).ifPresent(g -> {
			throw DomainException.invalid("kind", "people.group.kind.fixed");
		});
		groups.save(cmd);
		audit.record("people.group.save", "person_group", cmd.code(), cmd.name() + " " + cmd.kind() + " cadence="
				+ cmd.visitCadenceDays() + " enabled=" + cmd.enabled());
		return groups.find(cmd.code()).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public List<GrantView> grants(GongzhiUser me) {
		access.requireGrantAdmin(me);
		List<GroupStore.GrantRow> rows = groups.grants();
		Map<Long, UserSummary> byId = users.findByIds(rows.stream().map(GroupStore.GrantRow::userId).toList());
		return rows.stream().map(r -> view(r, byId.get(r.userId()))).toList();
	}

	@Override
	@Transactional
	public GrantView grant(GongzhiUser me, GrantCmd cmd) {
		access.requireGrantAdmin(me);
		UserSummary user = users.findByUsername(cmd.username().strip())
			.orElseThrow(() -> DomainException.invalid("username", "people.grant.user.unknown"));
		String group = grantGroup(cmd.kind(), cmd.groupCode());
		long id = groups.grant(user.id(), cmd.kind(), group, me.getUsername());
		audit.record("people.grant", "user", user.username(), cmd.kind() + (group == null ? "" : " " + group));
		return view(groups.grant(id).orElseThrow(), user);
	}

	/** Grants without a caller (demo accounts). */
	@Transactional
	public void grantAs(long userId, GrantKind kind, String groupCode, String by) {
		groups.grant(userId, kind, grantGroup(kind, groupCode), by);
		audit.record("people.grant", "user", String.valueOf(userId), kind + (groupCode == null ? "" : " " + groupCode));
	}

	private String grantGroup(GrantKind kind, String groupCode) {
		if (kind != GrantKind.KEY_GROUP) {
			return null;
		}
		if (groupCode == null || groupCode.isBlank()) {
			throw DomainException.invalid("groupCode", "people.grant.group.required");
		}
		return groups.find(groupCode.strip()).filter(g -> g.kind() == GroupKind.KEY).map(PersonGroupView::code)
			.orElseThrow(() -> DomainException.invalid("groupCode", "people.grant.group.notKey"));
	}

	@Override
	@Transactional
	public void revoke(GongzhiUser me, long grantId) {
		access.requireGrantAdmin(me);
		GroupStore.GrantRow row = groups.grant(grantId)
			.orElseThrow(() -> DomainException.notFound("people.grant.notFound"));
		groups.revoke(grantId);
		audit.record("people.revoke", "user", String.valueOf(row.userId()),
				row.kind() + (row.groupCode() == null ? "" : " " + row.groupCode()));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean canReveal(GongzhiUser me) {
		return access.grants(me).reveal();
	}

	private static GrantView view(GroupStore.GrantRow r, UserSummary user) {
		return new GrantView(r.id(), r.userId(), user == null ? null : user.username(),
				user == null ? null : user.displayName(), r.kind(), r.groupCode(), r.grantedBy(), r.at());
	}

}
