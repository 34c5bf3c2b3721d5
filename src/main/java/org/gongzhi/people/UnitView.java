package org.gongzhi.people;

import java.time.Instant;

/**
 * A unit (实有单位: 驻区单位, shop, school, pharmacy, property company, social organisation) with its contact and the
 * grid it sits in.
 *
 * @param areaCode where it is: a grid, building, unit or room code
 * @param creditCode 统一社会信用代码, or null
 */
public record UnitView(long id, String name, UnitKind kind, String creditCode, String areaCode, String address,
		String communityCode, String gridCode, String gridName, String contactName, String contactPhoneMasked,
		Integer employees, String note, Instant updatedAt, int version) {
}
