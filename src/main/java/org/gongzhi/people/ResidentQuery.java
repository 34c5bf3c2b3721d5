package org.gongzhi.people;

/**
 * Filters of the resident list, the search box and the export; blank fields do not filter. Results are always
 * limited to the caller's data scope.
 *
 * @param q one search box: a name or its start, pinyin initials or full pinyin (zsf finds 张三丰), the last 4 digits
 * of a phone or ID number, a whole phone or ID number, or an address such as 3号楼1单元101
 * @param communityCode residents living or registered in this community
 * @param gridCode residents living in this grid
 * @param groupCode members of this care group (or key group, for users granted it)
 * @param separated only 人户分离 residents (true) or only the others (false)
 * @param state defaults to living residents
 * @param page zero-based page
 * @param sort the order, or null for the default: by address for lists and address searches, by name for name and
 * pinyin searches
 * @param descending reverse the order (newest change first, oldest first, Z to A)
 */
public record ResidentQuery(String q, String communityCode, String gridCode, RegistrationStatus status,
		String groupCode, Boolean separated, ResidentState state, int page, int size, ResidentSort sort,
		boolean descending) {

	/** A query in the default order. */
	public ResidentQuery(String q, String communityCode, String gridCode, RegistrationStatus status, String groupCode,
			Boolean separated, ResidentState state, int page, int size) {
		this(q, communityCode, gridCode, status, groupCode, separated, state, page, size, null, false);
	}

	public static ResidentQuery search(String q) {
		return new ResidentQuery(q, null, null, null, null, null, null, 0, 20);
	}

	public ResidentQuery withPage(int page, int size) {
		return new ResidentQuery(q, communityCode, gridCode, status, groupCode, separated, state, page, size, sort,
				descending);
	}

	public ResidentQuery sorted(ResidentSort sort, boolean descending) {
		return new ResidentQuery(q, communityCode, gridCode, status, groupCode, separated, state, page, size, sort,
				descending);
	}

}
