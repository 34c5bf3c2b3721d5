package org.gongzhi.area.domain;

/**
 * One reason a grid import was refused, tied to the offending feature (0-based index in the FeatureCollection).
 */
public record GridImportProblem(Integer feature, String code, String field, String message) {
}
