package org.gongzhi.party.domain;

import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;

/**
 * Who may do what in the party module: managers (street, community, party secretary, system admin) act inside their
 * data scope; members act on their own record only.
 */
final class PartyAccess {

	private PartyAccess() {
	}

	static boolean manager(GongzhiUser me) {
		return me.hasAny(Role.SYSTEM_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_STAFF, Role.PARTY_SECRETARY);
	}

	static boolean staff(GongzhiUser me) {
		return !me.scope().isEmpty() && me.roles().stream().anyMatch(Role::staff);
	}

	static void requireManager(GongzhiUser me, String areaCode) {
		if (!manager(me)) {
			throw DomainException.forbidden("party.forbidden");
		}
		requireScope(me, areaCode);
	}

	static void requireStaff(GongzhiUser me) {
		if (!staff(me)) {
			throw DomainException.forbidden("party.forbidden");
		}
	}

	static void requireScope(GongzhiUser me, String areaCode) {
		if (!me.scope().covers(areaCode)) {
			throw DomainException.forbidden("party.outOfScope");
		}
	}

	/** The SQL like-pattern of the user's scope: every code for everything, their subtree otherwise. */
	static String prefix(GongzhiUser me) {
		DataScope scope = me.scope();
		if (scope.all()) {
			return "%";
		}
		return scope.areaCode() == null ? "-" : scope.areaCode() + "%";
	}

}
