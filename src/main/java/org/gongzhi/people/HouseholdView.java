package org.gongzhi.people;

import java.util.List;

/**
 * A household (户): the people living together at one standard address with their relation to the head.
 */
public record HouseholdView(long id, String roomCode, String address, String communityCode, String gridCode,
		Long headResidentId, String headName, List<HouseholdMember> members) {
}
