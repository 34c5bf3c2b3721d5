package org.gongzhi.cases;

/**
 * A case category (事件/部件 class with major/minor code) with its routing and time-limit defaults.
 *
 * @param attributes Open311 attribute definitions as JSON (extra questions), or {@code null}
 */
public record CategoryView(String code, String parentCode, String kind, String name, String description,
		String handlingLevel, String departmentCode, String urgency, int timeLimitValue, String timeLimitUnit,
		int responseLimitMinutes, String attributes, boolean enabled, int version) {

	public boolean major() {
		return parentCode == null;
	}

}
