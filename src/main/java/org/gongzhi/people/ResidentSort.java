package org.gongzhi.people;

import java.util.Locale;

/**
 * The orders of the resident list (排序): by address (community, grid, building and room, the default of lists), by
 * name in pinyin order, by age, or by the most recent change. Each has an index the list can walk in that order, so a
 * sorted page of a million residents costs about what an unsorted one does.
 */
public enum ResidentSort {

	/** 按地址: community, grid, building, unit and room, the list's default. */
	COMMUNITY("community"),
	/** 按姓名拼音 */
	NAME("name"),
	/** 按年龄: ascending means youngest first (latest birth date first). */
	AGE("age"),
	/** 按最近变更: ascending means least recently changed first. */
	UPDATED("updated");

	private final String param;

	ResidentSort(String param) {
		this.param = param;
	}

	/** The value of the sort request parameter, such as name or age. */
	public String param() {
		return param;
	}

	public String messageKey() {
		return "people.sort." + name();
	}

	/** The sort named by a request parameter (either the short name or the constant), or null when blank or unknown. */
	public static ResidentSort parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		for (ResidentSort s : values()) {
			if (s.param.equalsIgnoreCase(v) || s.name().equals(v.toUpperCase(Locale.ROOT))) {
				return s;
			}
		}
		return null;
	}

}
