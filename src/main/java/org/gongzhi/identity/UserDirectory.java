package org.gongzhi.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to users for other modules, which refer to users by id only.
 */
public interface UserDirectory {

	Optional<UserSummary> findById(long id);

	Optional<UserSummary> findByUsername(String username);

	Map<Long, UserSummary> findByIds(Collection<Long> ids);

	/** Enabled users holding the role whose scope lies in or above the given area (candidates for assignment). */
	List<UserSummary> findAssignable(Role role, String areaCode);

	/** Departments (职能部门) by code, with their names. */
	Map<String, String> departmentNames();

}
