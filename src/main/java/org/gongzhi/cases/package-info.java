/**
 * Closed-loop cases (民呼即办 / 接诉即办 / 数字城管): intake from every channel, categories and routing, the loop
 * 受理 → 立案 → 派遣 → 签收 → 处置 → 反馈 → 核查 → 结案 → 评价 with send-back, extension, suspension, void, supervision,
 * reopen, merge and 吹哨报到, time limits on a working calendar, and KPIs. Publishes {@link org.gongzhi.cases.CaseApi}
 * for adapters (Open311) and the events {@link org.gongzhi.cases.CaseReported} and
 * {@link org.gongzhi.cases.CaseStatusChanged}, and declares {@link org.gongzhi.cases.ReporterDirectory}, which the
 * people module implements so intake can link a case to the resident who reported it without cases depending on
 * people.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package org.gongzhi.cases;
