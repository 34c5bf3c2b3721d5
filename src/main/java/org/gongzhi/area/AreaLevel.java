package org.gongzhi.area;

/**
 * The levels of the area backbone with the number of digits their codes have (grid codes follow DB11/T 2157-2023:
 * 6 district + 3 street + 3 community + 3 grid).
 */
public enum AreaLevel {

	/** 区 */
	DISTRICT(6),
	/** 街道/乡镇 */
	STREET(9),
	/** 社区/村 */
	COMMUNITY(12),
	/** 网格 */
	GRID(15),
	/** 楼栋 */
	BUILDING(18),
	/** 单元 */
	UNIT(20),
	/** 房屋/户 */
	ROOM(24);

	private final int codeLength;

	AreaLevel(int codeLength) {
		this.codeLength = codeLength;
	}

	public int codeLength() {
		return codeLength;
	}

	/** The level a code of this length belongs to, or {@code null}. */
	public static AreaLevel ofCode(String code) {
		if (code == null) {
			return null;
		}
		for (AreaLevel level : values()) {
			if (level.codeLength == code.length()) {
				return level;
			}
		}
		return null;
	}

	/** The level below this one, or {@code null} for rooms. */
	public AreaLevel child() {
		return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
	}

	public String messageKey() {
		return "area.level." + name();
	}

}
