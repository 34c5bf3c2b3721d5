package org.gongzhi.cases.kpi;

import org.gongzhi.cases.domain.AreaNames;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI report (考核指标) for the API and the KPI page: validates the period and grouping, cuts the query to the
 * caller's {@link DataScope} (area subtree; a department's own cases only), reads the rollups and names the groups.
 */
@Service
public class KpiReport {

	/** Months are Beijing months; "today" too. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The longest period one report may span. */
	static final int MAX_YEARS = 5;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern AREA = Pattern.compile("\\d{6}|\\d{9}|\\d{12}|\\d{15}");

	private final KpiQuery query;

	private final AreaNames areaNames;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	KpiReport(KpiQuery query, AreaNames areaNames, JdbcClient jdbc, MessageSource messages) {
		this.query = query;
		this.areaNames = areaNames;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/**
	 * Validated report parameters.
	 *
	 * @param monthly also split each group by month ({@code groupBy=grid,month})
	 * @param area only cases located in this area, or {@code null}
	 */
	public record Params(LocalDate from, LocalDate to, KpiDimension dimension, boolean monthly, String area) {

		public Params with(LocalDate newFrom, LocalDate newTo, KpiDimension newDimension, boolean newMonthly) {
			return new Params(newFrom, newTo, newDimension, newMonthly, area);
		}

	}

	/** The default period: the last 12 months, from the first day of the month 11 months ago to today. */
	public static LocalDate[] defaultPeriod(LocalDate today) {
		return new LocalDate[] { today.withDayOfMonth(1).minusMonths(11), today };
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	/**
	 * Parses and checks the parameters; a missing period is the last 12 months and a missing grouping is by month.
	 * @throws DomainException 400 naming the offending parameter
	 */
	public Params parse(String from, String to, String groupBy, String area) {
		LocalDate[] period = defaultPeriod(today());
		LocalDate f = blank(from) ? period[0] : date("from", from);
		LocalDate t = blank(to) ? period[1] : date("to", to);
		if (f.isAfter(t)) {
			throw bad("from", "kpi.period.reversed");
		}
		if (!t.isBefore(f.plusYears(MAX_YEARS))) {
			throw bad("to", "kpi.period.tooLong", MAX_YEARS);
		}
		KpiDimension dimension = KpiDimension.MONTH;
		boolean monthly = false;
		if (!blank(groupBy)) {
			String[] parts = groupBy.split(",", -1);
			if (parts.length > 2) {
				throw bad("groupBy", "kpi.groupBy.invalid");
			}
			KpiDimension first = KpiDimension.of(parts[0]);
			KpiDimension second = parts.length == 2 ? KpiDimension.of(parts[1]) : null;
			if (first == null || (parts.length == 2 && (second == null || first == second
					|| (first != KpiDimension.MONTH && second != KpiDimension.MONTH)))) {
				throw bad("groupBy", "kpi.groupBy.invalid");
			}
			dimension = first == KpiDimension.MONTH && second != null ? second : first;
			monthly = second != null;
		}
		String a = blank(area) ? null : area.trim();
		if (a != null && !AREA.matcher(a).matches()) {
			throw bad("area", "kpi.area.invalid");
		}
		return new Params(f, t, dimension, monthly, a);
	}

	/** Whether the user may read KPIs at all: a staff role and some data scope. */
	public static boolean mayRead(GongzhiUser me) {
		DataScope s = me.scope();
		boolean staff = me.roles().stream().anyMatch(Role::staff);
		return staff && (s.all() || s.areaCode() != null || s.departmentCode() != null);
	}

	/** @throws DomainException 403 unless {@link #mayRead(GongzhiUser)} */
	public static void requireReader(GongzhiUser me) {
		if (!mayRead(me)) {
			throw DomainException.forbidden("kpi.forbidden");
		}
	}

	/** The report for the caller, cut to their data scope. */
	@Transactional(readOnly = true)
	public List<KpiGroup> groups(GongzhiUser me, Params p) {
		requireReader(me);
		DataScope s = me.scope();
		String prefix = p.area();
		if (!s.all() && s.areaCode() != null) {
			String root = s.areaCode();
			if (prefix == null || prefix.startsWith(root)) {
				prefix = prefix == null ? root : prefix;
			}
			else if (root.startsWith(prefix)) {
				prefix = root;
			}
			else {
				return List.of();
			}
		}
		String department = s.all() ? null : s.departmentCode();
		List<KpiRow> rows = query
			.run(new KpiCriteria(p.from(), p.to(), p.dimension(), p.monthly(), prefix, department));
		return name(rows, p.dimension());
	}

	private List<KpiGroup> name(List<KpiRow> rows, KpiDimension dimension) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> unitNames = dimension == KpiDimension.UNIT ? unitNames(rows) : Map.of();
		List<KpiGroup> groups = new ArrayList<>(rows.size());
		for (KpiRow row : rows) {
			String name;
			if (dimension == KpiDimension.MONTH) {
				name = monthName(row.code(), locale);
			}
			else if (row.code() == null) {
				name = messages.getMessage(dimension == KpiDimension.UNIT ? "kpi.unit.none" : "kpi.area.none", null,
						locale);
			}
			else if (dimension == KpiDimension.UNIT) {
				name = unitNames.getOrDefault(row.unitType() + ":" + row.code(), row.code());
			}
			else {
				String found = areaNames.name(row.code());
				name = found == null ? row.code() : found;
			}
			groups.add(KpiGroup.of(row, name));
		}
		return groups;
	}

	private Map<String, String> unitNames(List<KpiRow> rows) {
		List<String> codes = rows.stream().map(KpiRow::code).filter(c -> c != null).distinct().toList();
		Map<String, String> names = new HashMap<>();
		if (codes.isEmpty()) {
			return names;
		}
		jdbc.sql("select unit_type, unit_code, unit_name from cases.kpi_unit where unit_code = any(:codes)")
			.param("codes", codes.toArray(String[]::new))
			.query((rs, n) -> names.put(rs.getString(1) + ":" + rs.getString(2),
					rs.getString(3) == null ? rs.getString(2) : rs.getString(3)))
			.list();
		return names;
	}

	/** {@code 2025年1月} or {@code Jan 2025}. */
	public String monthName(String yyyyMm, Locale locale) {
		YearMonth ym = YearMonth.parse(yyyyMm);
		return messages.getMessage("kpi.month.name", new Object[] { String.valueOf(ym.getYear()),
				String.valueOf(ym.getMonthValue()), ym.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) },
				locale);
	}

	private static LocalDate date(String field, String value) {
		try {
			return LocalDate.parse(value.trim(), DATE);
		}
		catch (DateTimeParseException ex) {
			throw bad(field, "kpi.date.invalid", field);
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static DomainException bad(String field, String key, Object... args) {
		return new DomainException(HttpStatus.BAD_REQUEST, key, field, null, args);
	}

}
