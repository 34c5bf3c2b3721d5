package org.gongzhi.cases.kpi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One group of the KPI report (GET /api/v1/kpis): its code and name, the ten counts and the seven rates (0–1,
 * {@code null} when the denominator is zero), as defined in {@code docs/kpis.md}.
 *
 * @param group the area or unit code, or {@code YYYY-MM}; {@code null} for cases not located or not dispatched
 * @param unitType GRID, COMMUNITY, STREET or DEPARTMENT when grouped by unit
 * @param month {@code YYYY-MM} when grouped by a dimension and month
 */
public record KpiGroup(String group, String name, @JsonInclude(Include.NON_NULL) String unitType,
		@JsonInclude(Include.NON_NULL) String month, long received, long dispatched, long respondedInTime, long closed,
		long closedOnTime, long due, long reworked, long extended, long rated, long satisfied, Double responseRate,
		Double resolutionRate, Double satisfactionRate, Double closureRate, Double onTimeClosureRate,
		Double reworkRate, Double extensionRate) {

	static KpiGroup of(KpiRow row, String name) {
		KpiCounts c = row.counts();
		return new KpiGroup(row.code(), name, row.unitType(), row.month(), c.received(), c.dispatched(),
				c.respondedInTime(), c.closed(), c.closedOnTime(), c.due(), c.reworked(), c.extended(), c.rated(),
				c.satisfied(), c.responseRate(), c.resolutionRate(), c.satisfactionRate(), c.closureRate(),
				c.onTimeClosureRate(), c.reworkRate(), c.extensionRate());
	}

	/** The counts again, for sums and page columns. */
	@JsonIgnore
	public KpiCounts counts() {
		return new KpiCounts(received, dispatched, respondedInTime, closed, closedOnTime, due, reworked, extended,
				rated, satisfied);
	}

	/** A count or rate by its JSON name (for page columns), or {@code null} for an unknown name. */
	public Object value(String key) {
		return switch (key) {
			case "received" -> received;
			case "dispatched" -> dispatched;
			case "respondedInTime" -> respondedInTime;
			case "closed" -> closed;
			case "closedOnTime" -> closedOnTime;
			case "due" -> due;
			case "reworked" -> reworked;
			case "extended" -> extended;
			case "rated" -> rated;
			case "satisfied" -> satisfied;
			case "responseRate" -> responseRate;
			case "resolutionRate" -> resolutionRate;
			case "satisfactionRate" -> satisfactionRate;
			case "closureRate" -> closureRate;
			case "onTimeClosureRate" -> onTimeClosureRate;
			case "reworkRate" -> reworkRate;
			case "extensionRate" -> extensionRate;
			default -> null;
		};
	}

}
