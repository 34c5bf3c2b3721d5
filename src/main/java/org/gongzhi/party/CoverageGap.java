package org.gongzhi.party;

import org.gongzhi.area.AreaLevel;

/**
 * An area with no Party organisation attached (空白点): a community, grid or building the Party has not reached yet.
 */
public record CoverageGap(String code, String name, AreaLevel level, String parentName) {
}
