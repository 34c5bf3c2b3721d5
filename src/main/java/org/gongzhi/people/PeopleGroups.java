package org.gongzhi.people;

import java.util.List;

import org.gongzhi.identity.GongzhiUser;

/**
 * The configurable care and key groups, and the per-user grants on personal data: revealing numbers and seeing key
 * groups. Groups are configured by street and system administrators; grants are managed by system administrators and
 * every change is audit-logged.
 */
public interface PeopleGroups {

	/** The enabled groups the caller may see: every care group, and the key groups the caller is granted. */
	List<PersonGroupView> groups(GongzhiUser me);

	/** Every group, enabled or not (street and system administrators). */
	List<PersonGroupView> allGroups(GongzhiUser me);

	PersonGroupView saveGroup(GongzhiUser me, PersonGroupCmd cmd);

	/** Every grant (system administrators). */
	List<GrantView> grants(GongzhiUser me);

	GrantView grant(GongzhiUser me, GrantCmd cmd);

	void revoke(GongzhiUser me, long grantId);

	/** Whether the caller holds the REVEAL_NUMBERS grant. */
	boolean canReveal(GongzhiUser me);

}
