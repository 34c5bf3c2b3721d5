package org.gongzhi.area;

/**
 * An area to create in bulk set-up (demo data, initial load); buildings may carry their location.
 */
public record NewArea(String code, String parentCode, AreaLevel level, String name, int sort, String gridType,
		Double lng, Double lat) {

	public NewArea(String code, String parentCode, AreaLevel level, String name, int sort, String gridType) {
		this(code, parentCode, level, name, sort, gridType, null, null);
	}

}
