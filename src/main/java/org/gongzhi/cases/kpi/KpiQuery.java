package org.gongzhi.cases.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads KPI counts from the rollups: the per-month and per-day street tables when the report needs no finer grain
 * (grouped by street and/or month, no department filter, scope no finer than a street), else the per-day,
 * per-grid-and-unit table through the index of the scope's level. The API, the page and the benchmark all go through here.
 */
@Component
public class KpiQuery {

	static final String COUNTS = "sum(received), sum(dispatched), sum(responded_in_time), sum(closed), "
			+ "sum(closed_on_time), sum(due), sum(reworked), sum(extended), sum(rated), sum(satisfied)";

	static final String ROLLUP_COUNTS = "received, dispatched, responded_in_time, closed, closed_on_time, due, "
			+ "reworked, extended, rated, satisfied";

	private final JdbcClient jdbc;

	public KpiQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Runs the report. Inside a transaction (as the API runs it) it asks for plans made for the actual codes and days
	 * (a generic plan may pick the unit index for a department in one street and read 50 times more rows) and no JIT
	 * compilation (which costs more than these queries save).
	 */
	public List<KpiRow> run(KpiCriteria c) {
		Sql sql = sql(c);
		if (sql == null) {
			return List.of();
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true), set_config('jit', 'off', true)")
				.query((rs, n) -> 1)
				.list();
		}
		JdbcClient.StatementSpec spec = jdbc.sql(sql.text);
		for (Map.Entry<String, Object> p : sql.params.entrySet()) {
			spec = spec.param(p.getKey(), p.getValue());
		}
		return spec.query((rs, n) -> row(c, rs)).list();
	}

	/** Whether the coarse per-street tables can answer the query. */
	static boolean coarse(KpiCriteria c) {
		return (c.dimension() == KpiDimension.STREET || c.dimension() == KpiDimension.MONTH)
				&& c.departmentCode() == null && (c.areaPrefix() == null || c.areaPrefix().length() <= 9);
	}

	/**
	 * The statement for the criteria, or {@code null} when the area is finer than a grid (no data at that grain). On
	 * the coarse path the whole months of the period are read from {@code kpi_monthly_street} and the days of its
	 * partial months from {@code kpi_daily_street}.
	 */
	static Sql sql(KpiCriteria c) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("from", c.from());
		params.put("to", c.to());
		List<String> keys = new ArrayList<>();
		switch (c.dimension()) {
			case UNIT -> {
				keys.add("unit_type");
				keys.add("unit_code");
			}
			case GRID -> keys.add("grid_code");
			case COMMUNITY -> keys.add("community_code");
			case STREET -> keys.add("street_code");
			case MONTH -> keys.add("to_char(day, 'YYYY-MM')");
		}
		if (c.split()) {
			keys.add("to_char(day, 'YYYY-MM')");
		}
		StringBuilder filter = new StringBuilder();
		if (c.areaPrefix() != null) {
			int len = c.areaPrefix().length();
			String column = len <= 9 ? "street_code" : len <= 12 ? "community_code" : len <= 15 ? "grid_code" : null;
			if (column == null) {
				return null;
			}
			params.put("area", c.areaPrefix());
			if (len == 9 || len == 12 || len == 15) {
				filter.append(" and ").append(column).append(" = :area");
			}
			else {
				params.put("areaEnd", c.areaPrefix() + "~");
				filter.append(" and ").append(column).append(" >= :area and ").append(column).append(" < :areaEnd");
			}
		}
		if (c.departmentCode() != null) {
			params.put("dept", c.departmentCode());
			filter.append(" and unit_type = 'DEPARTMENT' and unit_code = :dept");
		}
		String source;
		if (coarse(c)) {
			LocalDate fullStart = c.from().getDayOfMonth() == 1 ? c.from() : c.from().withDayOfMonth(1).plusMonths(1);
			LocalDate fullEnd = c.to().plusDays(1).getDayOfMonth() == 1 ? c.to().plusDays(1) : c.to().withDayOfMonth(1);
			if (fullStart.isBefore(fullEnd)) {
				params.put("fullStart", fullStart);
				params.put("fullEnd", fullEnd);
				source = "(select month as day, street_code, " + ROLLUP_COUNTS + " from cases.kpi_monthly_street "
						+ "where month >= :fullStart and month < :fullEnd" + filter
						+ " union all select day, street_code, " + ROLLUP_COUNTS + " from cases.kpi_daily_street "
						+ "where ((day >= :from and day < :fullStart) or (day >= :fullEnd and day <= :to))" + filter
						+ ") r";
			}
			else {
				source = "cases.kpi_daily_street where day >= :from and day <= :to" + filter;
			}
		}
		else {
			source = "cases.kpi_daily where day >= :from and day <= :to" + filter;
		}
		String group = String.join(", ", keys);
		List<String> order = new ArrayList<>();
		for (String key : keys) {
			order.add(key.startsWith("to_char") ? key : "(" + key + " = '') , " + key);
		}
		String text = "select " + group + ", " + COUNTS + " from " + source + " group by " + group + " order by "
				+ String.join(", ", order);
		return new Sql(text, params);
	}

	private static KpiRow row(KpiCriteria c, ResultSet rs) throws SQLException {
		int i = 1;
		String unitType = null;
		if (c.dimension() == KpiDimension.UNIT) {
			unitType = blankToNull(rs.getString(i++));
		}
		String code = blankToNull(rs.getString(i++));
		String month = c.split() ? rs.getString(i++) : null;
		KpiCounts counts = new KpiCounts(rs.getLong(i), rs.getLong(i + 1), rs.getLong(i + 2), rs.getLong(i + 3),
				rs.getLong(i + 4), rs.getLong(i + 5), rs.getLong(i + 6), rs.getLong(i + 7), rs.getLong(i + 8),
				rs.getLong(i + 9));
		return new KpiRow(code, unitType, month, counts);
	}

	private static String blankToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}

	record Sql(String text, Map<String, Object> params) {
	}

}
