package org.gongzhi.open311.domain;

import java.util.List;

/**
 * The extra questions (attributes) of one Open311 service.
 */
public record ServiceDefinition(String serviceCode, List<Attribute> attributes) {
}
