package org.gongzhi.people;

/**
 * Filters of the unit list; blank fields do not filter, and the caller's data scope always applies.
 *
 * @param areaCode units in this community, grid or building
 * @param q name, credit code or contact name
 */
public record UnitQuery(String areaCode, UnitKind kind, String q, int page, int size) {
}
