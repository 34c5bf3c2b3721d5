package org.gongzhi.area;

/**
 * One area as other modules and the API see it.
 */
public record AreaView(String code, String parentCode, AreaLevel level, String name, int sort, String gridType) {
}
