package org.gongzhi.cases.kpi;

/**
 * One group of a KPI query as the rollup answers it, before names are added.
 *
 * @param code the group's code (area code, unit code or {@code YYYY-MM}); {@code null} for "none" (not located, not
 * dispatched)
 * @param unitType the unit type when grouped by unit, else {@code null}
 * @param month {@code YYYY-MM} when grouped by a dimension and month, else {@code null}
 */
public record KpiRow(String code, String unitType, String month, KpiCounts counts) {
}
