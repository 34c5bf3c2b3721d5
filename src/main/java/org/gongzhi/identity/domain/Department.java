package org.gongzhi.identity.domain;

/**
 * A department (职能部门, e.g. 城管, 市政, 环保) that receives dispatched cases; department handlers are scoped to one.
 */
public record Department(String code, String name, String areaCode) {
}
