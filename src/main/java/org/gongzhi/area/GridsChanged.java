package org.gongzhi.area;

import java.util.List;

/**
 * Published after grid polygons of a community were created or changed (e.g. by an import).
 */
public record GridsChanged(String communityCode, List<String> gridCodes) {
}
