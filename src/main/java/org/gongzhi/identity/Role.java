package org.gongzhi.identity;

/**
 * The roles a user may hold (a user may hold several); each decides which pages and actions are offered, while the
 * {@link DataScope} decides which data they reach.
 */
public enum Role {

	/** 居民 */
	RESIDENT(false),
	/** 网格员 */
	GRID_WORKER(true),
	/** 社区工作者 */
	COMMUNITY_STAFF(true),
	/** 街道管理员 */
	STREET_ADMIN(true),
	/** 职能部门 */
	DEPARTMENT_HANDLER(true),
	/** 热线坐席 */
	HOTLINE_CLERK(true),
	/** 党组织书记 */
	PARTY_SECRETARY(true),
	/** 党员 */
	PARTY_MEMBER(false),
	/** 志愿者 */
	VOLUNTEER(false),
	/** 领导 */
	LEADER(true),
	/** 系统管理员 */
	SYSTEM_ADMIN(true);

	private final boolean staff;

	Role(boolean staff) {
		this.staff = staff;
	}

	/** Whether the role is a staff role that needs a data scope. */
	public boolean staff() {
		return staff;
	}

	/** The Spring Security authority name, e.g. {@code ROLE_GRID_WORKER}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Message bundle key of the role's display name. */
	public String messageKey() {
		return "role." + name();
	}

}
