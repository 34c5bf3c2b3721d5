package org.gongzhi.people;

import java.time.Instant;
import java.util.List;

/**
 * A house (实有房屋) on a standard address: its use, owner (phone masked), and the people living there.
 */
public record HouseView(String roomCode, String address, String communityCode, String gridCode, HouseUse use,
		String ownerName, String ownerPhoneMasked, Double areaSqm, String note, int occupantCount,
		List<Occupant> occupants, Instant updatedAt) {
}
