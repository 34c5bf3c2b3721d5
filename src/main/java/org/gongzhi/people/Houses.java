package org.gongzhi.people;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.shared.PageResult;

/**
 * Houses (实有房屋) on standard addresses, within the caller's data scope. A house record is created when someone
 * records its use or when residents are imported into a room.
 */
public interface Houses {

	PageResult<HouseView> search(GongzhiUser me, HouseQuery query);

	/** The house of a room with its occupants; fails with not found outside the scope or without a record. */
	HouseView house(GongzhiUser me, String roomCode);

	/** Records a house's use and owner. */
	HouseView save(GongzhiUser me, HouseCmd cmd);

}
