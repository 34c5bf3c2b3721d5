package org.gongzhi.cases.kpi;

import java.time.LocalDate;

/**
 * A KPI query after validation and data scoping: the received-date period (both days inclusive, Asia/Shanghai), the
 * grouping, and the already scoped filters.
 *
 * @param monthly also split each group by month (ignored when grouping by month)
 * @param areaPrefix only cases located in this area (district, street, community or grid code), or {@code null}
 * @param departmentCode only cases handled by this department (unit type DEPARTMENT), or {@code null}
 */
public record KpiCriteria(LocalDate from, LocalDate to, KpiDimension dimension, boolean monthly, String areaPrefix,
		String departmentCode) {

	/** Whether the rows carry a month besides the group. */
	public boolean split() {
		return monthly && dimension != KpiDimension.MONTH;
	}

}
