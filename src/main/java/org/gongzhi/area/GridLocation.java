package org.gongzhi.area;

/**
 * The answer of locating a point (网格定位): the grid it falls in and that grid's community and street.
 */
public record GridLocation(String gridCode, String gridName, String communityCode, String communityName,
		String streetCode) {
}
