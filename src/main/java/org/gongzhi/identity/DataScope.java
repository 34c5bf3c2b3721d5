package org.gongzhi.identity;

import java.io.Serializable;

/**
 * The data a staff user may reach (数据范围): everything, an area subtree (by area code prefix, since every area code
 * begins with its parent's code), and/or the cases of one department. Enforced on the server for every page, API
 * call, export and search.
 *
 * @param all the whole platform (system administrators)
 * @param areaCode root of the area subtree, or {@code null}
 * @param departmentCode the department (职能部门) the user works for, or {@code null}
 */
public record DataScope(boolean all, String areaCode, String departmentCode) implements Serializable {

	public static DataScope everything() {
		return new DataScope(true, null, null);
	}

	public static DataScope area(String areaCode) {
		return new DataScope(false, areaCode, null);
	}

	public static DataScope none() {
		return new DataScope(false, null, null);
	}

	/** Whether the area with this code lies inside the scope. */
	public boolean covers(String code) {
		if (all) {
			return true;
		}
		return code != null && areaCode != null && code.startsWith(areaCode);
	}

	/** Whether the area with this code is an ancestor of the scope's root (shown only as context on the path). */
	public boolean isAncestorOfRoot(String code) {
		return !all && code != null && areaCode != null && areaCode.startsWith(code) && !areaCode.equals(code);
	}

	/** Whether the user reaches no area data at all. */
	public boolean isEmpty() {
		return !all && areaCode == null;
	}

}
