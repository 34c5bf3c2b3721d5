package org.gongzhi.cases.kpi;

/**
 * The ten counts behind the KPI rates of one group, as defined in {@code docs/kpis.md}.
 *
 * @param received cases received (受理), void and merged cases left out
 * @param dispatched of those, cases dispatched (派遣) to a unit
 * @param respondedInTime of those dispatched, cases signed (签收) by their response deadline
 * @param closed of those received, cases now closed (结案)
 * @param closedOnTime of those closed, cases closed by their deadline
 * @param due cases that should be closed by now (应结案): closed, or open, not suspended and past their deadline
 * @param reworked of those closed, cases sent back for rework or reopened at least once (返工)
 * @param extended of those dispatched, cases whose time limit was extended (延期)
 * @param rated cases the resident rated (评价)
 * @param satisfied of those rated, 满意 or 基本满意
 */
public record KpiCounts(long received, long dispatched, long respondedInTime, long closed, long closedOnTime, long due,
		long reworked, long extended, long rated, long satisfied) {

	public static final KpiCounts ZERO = new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	public KpiCounts plus(KpiCounts o) {
		return new KpiCounts(received + o.received, dispatched + o.dispatched, respondedInTime + o.respondedInTime,
				closed + o.closed, closedOnTime + o.closedOnTime, due + o.due, reworked + o.reworked,
				extended + o.extended, rated + o.rated, satisfied + o.satisfied);
	}

	/** 响应率 = respondedInTime ÷ dispatched */
	public Double responseRate() {
		return ratio(respondedInTime, dispatched);
	}

	/** 解决率 = closed ÷ received */
	public Double resolutionRate() {
		return ratio(closed, received);
	}

	/** 满意率 = satisfied ÷ rated */
	public Double satisfactionRate() {
		return ratio(satisfied, rated);
	}

	/** 结案率 = closed ÷ due */
	public Double closureRate() {
		return ratio(closed, due);
	}

	/** 按期结案率 = closedOnTime ÷ due */
	public Double onTimeClosureRate() {
		return ratio(closedOnTime, due);
	}

	/** 返工率 = reworked ÷ closed */
	public Double reworkRate() {
		return ratio(reworked, closed);
	}

	/** 延期率 = extended ÷ dispatched */
	public Double extensionRate() {
		return ratio(extended, dispatched);
	}

	static Double ratio(long numerator, long denominator) {
		return denominator == 0 ? null : (double) numerator / denominator;
	}

}
