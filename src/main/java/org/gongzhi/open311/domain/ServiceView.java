package org.gongzhi.open311.domain;

/**
 * A case category (a minor 事件/部件 class) as an Open311 service.
 *
 * @param metadata whether the service asks extra questions (see its definition)
 * @param group the name of the major category
 */
public record ServiceView(String code, String name, String description, boolean metadata, String type,
		String keywords, String group) {
}
