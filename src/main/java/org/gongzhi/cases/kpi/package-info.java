/**
 * Case KPIs (考核指标): 响应率, 解决率, 满意率, 结案率, 按期结案率, 返工率 and 延期率 per unit, grid, community, street
 * or month, read from daily rollups of {@code cases.case_record} that {@link org.gongzhi.cases.kpi.KpiRollup} keeps
 * current. The formulas are defined in {@code docs/kpis.md}. Exposed as the named interface {@code kpi} so that
 * the demo data loader can refresh the rollups after loading historical cases.
 */
@org.springframework.modulith.NamedInterface("kpi")
package org.gongzhi.cases.kpi;
