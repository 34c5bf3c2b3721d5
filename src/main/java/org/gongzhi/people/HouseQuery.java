package org.gongzhi.people;

/**
 * Filters of the house list; blank fields do not filter, and the caller's data scope always applies.
 *
 * @param areaCode houses in this community, grid, building or unit
 * @param q owner name or room number
 */
public record HouseQuery(String areaCode, HouseUse use, String q, int page, int size) {
}
