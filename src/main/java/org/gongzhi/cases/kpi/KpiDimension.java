package org.gongzhi.cases.kpi;

import java.util.Locale;

/**
 * What the KPI report groups by: the handling unit (承办单位), the grid (网格), community (社区), street (街道), or the
 * calendar month (Asia/Shanghai) in which the cases were received.
 */
public enum KpiDimension {

	UNIT, GRID, COMMUNITY, STREET, MONTH;

	/** The parameter value, e.g. {@code grid}. */
	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The dimension a parameter value names, or {@code null}. */
	public static KpiDimension of(String value) {
		for (KpiDimension d : values()) {
			if (d.param().equalsIgnoreCase(value == null ? "" : value.trim())) {
				return d;
			}
		}
		return null;
	}

	public String messageKey() {
		return "kpi.groupBy." + name();
	}

}
