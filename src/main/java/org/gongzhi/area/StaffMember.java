package org.gongzhi.area;

/**
 * Someone assigned to an area: a user (grid workers) or a named resident (building and unit chiefs).
 */
public record StaffMember(long assignmentId, String areaCode, StaffDuty duty, Long userId, String name,
		String phoneMasked) {
}
