package org.gongzhi.people.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the registry: the roles that read, edit, import and visit, the data scope as an area code
 * prefix, and the per-user grants (revealing numbers, key groups).
 */
@Component
public class PeopleAccess {

	/** The registry's time zone: dates of birth, moves and visits are Beijing dates. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	PeopleAccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The grants a user holds. */
	public record Grants(boolean reveal, Set<String> keyGroups) {

		public boolean keyGroup(String code) {
			return keyGroups.contains(code);
		}

	}

	static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	boolean reads(GongzhiUser me) {
		return me.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.SYSTEM_ADMIN,
				Role.PARTY_SECRETARY, Role.LEADER);
	}

	boolean edits(GongzhiUser me) {
		return me.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.SYSTEM_ADMIN);
	}

	boolean imports(GongzhiUser me) {
		return me.hasAny(Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.SYSTEM_ADMIN);
	}

	boolean visits(GongzhiUser me) {
		return me.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.SYSTEM_ADMIN,
				Role.PARTY_SECRETARY);
	}

	void requireRead(GongzhiUser me) {
		if (!reads(me)) {
			throw DomainException.forbidden("people.forbidden.read");
		}
	}

	void requireEdit(GongzhiUser me) {
		if (!edits(me)) {
			throw DomainException.forbidden("people.forbidden.edit");
		}
	}

	void requireImport(GongzhiUser me) {
		if (!imports(me)) {
			throw DomainException.forbidden("people.forbidden.import");
		}
	}

	void requireVisit(GongzhiUser me) {
		if (!visits(me)) {
			throw DomainException.forbidden("people.forbidden.visit");
		}
	}

	void requireGroupAdmin(GongzhiUser me) {
		if (!me.hasAny(Role.STREET_ADMIN, Role.SYSTEM_ADMIN)) {
			throw DomainException.forbidden("people.forbidden.groups");
		}
	}

	void requireGrantAdmin(GongzhiUser me) {
		if (!me.has(Role.SYSTEM_ADMIN)) {
			throw DomainException.forbidden("people.forbidden.grants");
		}
	}

	/** The code prefix of the user's scope: empty for everything, null for no area data at all. */
	static String prefix(GongzhiUser me) {
		DataScope scope = me.scope();
		if (scope == null || scope.isEmpty()) {
			return null;
		}
		return scope.all() ? "" : scope.areaCode();
	}

	static boolean covers(GongzhiUser me, String code) {
		return code != null && me.scope() != null && me.scope().covers(code);
	}

	public Grants grants(long userId) {
		Set<String> groups = new HashSet<>();
		boolean[] reveal = { false };
		jdbc.sql("select kind, group_code from people.access_grant where user_id = :u").param("u", userId)
			.query((rs, n) -> {
				if ("REVEAL_NUMBERS".equals(rs.getString(1))) {
					reveal[0] = true;
				}
				else {
					groups.add(rs.getString(2));
				}
				return null;
			})
			.list();
		return new Grants(reveal[0], Set.copyOf(groups));
	}

	Grants grants(GongzhiUser me) {
		return grants(me.id());
	}

}
