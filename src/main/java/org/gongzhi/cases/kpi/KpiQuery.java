package org.gongzhi.cases.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads KPI counts from the rollups: the per-day, per-street table when the report needs no finer grain (grouped by
 * street and/or month, no department filter, scope no finer than a street), else the per-day, per-grid-and-unit
 * table through the index of the scope's level. The API, the page and the benchmark all go through here.
 */
@Component
public class KpiQuery {

	static final String COUNTS = "sum(received), sum(dispatched), sum(responded_in_time), sum(closed), "
			+ "sum(closed_on_time), sum(due), sum(reworked), sum(extended), sum(rated), sum(satisfied)";

	private final JdbcClient jdbc;

	public KpiQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<KpiRow> run(KpiCriteria c) {
		Sql sql = sql(c);
		if (sql == null) {
			return List.of();
		}
		JdbcClient.StatementSpec spec = jdbc.sql(sql.text).param("from", c.from()).param("to", c.to());
		if (sql.area != null) {
			spec = spec.param("area", sql.area);
			if (sql.areaEnd != null) {
				spec = spec.param("areaEnd", sql.areaEnd);
			}
		}
		if (c.departmentCode() != null) {
			spec = spec.param("dept", c.departmentCode());
		}
		return spec.query((rs, n) -> row(c, rs)).list();
	}

	/** Whether the coarse per-street table can answer the query. */
	static boolean coarse(KpiCriteria c) {
		return (c.dimension() == KpiDimension.STREET || c.dimension() == KpiDimension.MONTH)
				&& c.departmentCode() == null && (c.areaPrefix() == null || c.areaPrefix().length() <= 9);
	}

	/** The statement for the criteria, or {@code null} when the area is finer than a grid (no data at that grain). */
	static Sql sql(KpiCriteria c) {
		String table = coarse(c) ? "cases.kpi_daily_street" : "cases.kpi_daily";
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
		StringBuilder where = new StringBuilder("day >= :from and day <= :to");
		String area = null;
		String areaEnd = null;
		if (c.areaPrefix() != null) {
			int len = c.areaPrefix().length();
			String column = len <= 9 ? "street_code" : len <= 12 ? "community_code" : len <= 15 ? "grid_code" : null;
			if (column == null) {
				return null;
			}
			area = c.areaPrefix();
			if (len == 9 || len == 12 || len == 15) {
				where.append(" and ").append(column).append(" = :area");
			}
			else {
				areaEnd = area + "~";
				where.append(" and ").append(column).append(" >= :area and ").append(column).append(" < :areaEnd");
			}
		}
		if (c.departmentCode() != null) {
			where.append(" and unit_type = 'DEPARTMENT' and unit_code = :dept");
		}
		String group = String.join(", ", keys);
		List<String> order = new ArrayList<>();
		for (String key : keys) {
			order.add(key.startsWith("to_char") ? key : "(" + key + " = '') , " + key);
		}
		String text = "select " + group + ", " + COUNTS + " from " + table + " where " + where + " group by " + group
				+ " order by " + String.join(", ", order);
		return new Sql(text, area, areaEnd);
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

	record Sql(String text, String area, String areaEnd) {
	}

}
