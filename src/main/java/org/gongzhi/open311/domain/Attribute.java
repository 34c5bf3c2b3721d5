package org.gongzhi.open311.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One extra question of a service (an Open311 attribute), read from the category's attribute definitions.
 *
 * @param datatype one of {@code string, number, datetime, text, singlevaluelist, multivaluelist}
 * @param values the allowed answers of the two list types
 */
public record Attribute(String code, String datatype, boolean required, String datatypeDescription, int order,
		String description, List<Value> values) {

	/** The datatypes the specification knows. */
	public static final Set<String> DATATYPES = Set.of("string", "number", "datetime", "text", "singlevaluelist",
			"multivaluelist");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One allowed answer of a list attribute. */
	public record Value(String key, String name) {
	}

	public boolean list() {
		return "singlevaluelist".equals(datatype) || "multivaluelist".equals(datatype);
	}

	/** The name of an allowed key, or {@code null} when the key is not allowed. */
	public String nameOf(String key) {
		return values.stream().filter(v -> v.key().equals(key)).map(Value::name).findFirst().orElse(null);
	}

	/**
	 * Reads a category's attribute definitions (a JSON array); {@code null}, blank or malformed definitions give no
	 * attributes, entries without a code are skipped, and unknown datatypes are read as {@code string}.
	 */
	public static List<Attribute> parse(String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			return List.of();
		}
		if (root == null || !root.isArray()) {
			return List.of();
		}
		List<Attribute> attributes = new ArrayList<>();
		int position = 0;
		for (JsonNode node : root) {
			position++;
			String code = text(node, "code");
			if (code == null) {
				continue;
			}
			String datatype = text(node, "datatype");
			datatype = datatype == null ? "string" : datatype.toLowerCase(Locale.ROOT);
			if (!DATATYPES.contains(datatype)) {
				datatype = "string";
			}
			List<Value> values = new ArrayList<>();
			for (JsonNode v : node.path("values")) {
				String key = text(v, "key");
				if (key != null) {
					String name = text(v, "name");
					values.add(new Value(key, name == null ? key : name));
				}
			}
			int order = node.path("order").isNumber() ? node.path("order").asInt() : position;
			attributes.add(new Attribute(code, datatype, node.path("required").asBoolean(false),
					text(node, "datatype_description"), order, text(node, "description"), List.copyOf(values)));
		}
		attributes.sort(Comparator.comparingInt(Attribute::order));
		return List.copyOf(attributes);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		String s = value.isValueNode() ? value.asString() : null;
		return s == null || s.isBlank() ? null : s.strip();
	}

}
