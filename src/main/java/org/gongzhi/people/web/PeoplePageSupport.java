package org.gongzhi.people.web;

import java.util.ArrayList;
import java.util.List;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the registry pages share: the communities and grids of the caller's scope for the filters, area names, and
 * refusals in the user's language.
 */
@Component
class PeoplePageSupport {

	private final Areas areas;

	private final MessageSource messages;

	PeoplePageSupport(Areas areas, MessageSource messages) {
		this.areas = areas;
		this.messages = messages;
	}

	/** A community of the caller's scope with its grids in scope, for the filter selects. */
	record CommunityOption(AreaView community, List<AreaView> grids) {
	}

	/** The communities the caller reaches (a grid worker's community, with only their grids). */
	List<CommunityOption> communities(GongzhiUser me) {
		List<CommunityOption> list = new ArrayList<>();
		if (me.scope() == null || me.scope().isEmpty()) {
			return list;
		}
		List<AreaView> grids = areas.ofLevel(AreaLevel.GRID).stream().filter(g -> me.scope().covers(g.code())).toList();
		for (AreaView c : areas.ofLevel(AreaLevel.COMMUNITY)) {
			if (me.scope().covers(c.code()) || me.scope().isAncestorOfRoot(c.code())) {
				list.add(new CommunityOption(c, grids.stream().filter(g -> c.code().equals(g.parentCode())).toList()));
			}
		}
		return list;
	}

	String name(String code) {
		return code == null ? null : areas.find(code).map(AreaView::name).orElse(code);
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** The refusal in the user's language. */
	String text(DomainException ex) {
		return messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale());
	}

	/** Whether the caller is a grid worker and nothing more senior (their pages are phone-first). */
	static boolean gridWorkerOnly(GongzhiUser me) {
		return me.has(Role.GRID_WORKER)
				&& !me.hasAny(Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.SYSTEM_ADMIN, Role.LEADER);
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
