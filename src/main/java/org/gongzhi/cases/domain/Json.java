package org.gongzhi.cases.domain;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Small JSON helpers for columns that hold JSON text (photos, attribute definitions).
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static String write(Object value) {
		return value == null ? null : MAPPER.writeValueAsString(value);
	}

	static List<String> stringList(String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		return MAPPER.readValue(json, new TypeReference<List<String>>() {
		});
	}

}
