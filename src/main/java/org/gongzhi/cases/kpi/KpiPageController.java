package org.gongzhi.cases.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

@Controller
class KpiPageController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Columns the table sorts by, each with how to read it from a group. */
	static final Map<String, Function<KpiGroup, Comparable<?>>> COLUMNS = columns();

	static final List<String> RATES = List.of("responseRate", "resolutionRate", "satisfactionRate", "closureRate",
			"onTimeClosureRate", "reworkRate", "extensionRate");

	static final List<String> COUNTS = List.of("received", "dispatched", "respondedInTime", "closed", "closedOnTime",
			"due", "reworked", "extended", "rated", "satisfied");

	private final KpiReport report;

	private final MessageSource messages;

	KpiPageController(KpiReport report, MessageSource messages) {
		this.report = report;
		this.messages = messages;
	}

	@GetMapping("/kpis")
	String kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestParam(required = false) String rank,
			@RequestParam(required = false) String rankMonth, @AuthenticationPrincipal GongzhiUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		if (!me.hasAny(Role.LEADER, Role.STREET_ADMIN, Role.COMMUNITY_STAFF, Role.SYSTEM_ADMIN)) {
			throw DomainException.forbidden("kpi.forbidden");
		}
		KpiDimension dimension = KpiDimension.of(groupBy);
		if (dimension == null) {
			dimension = defaultDimension(me.scope());
		}
		KpiReport.Params params;
		try {
			params = report.parse(from, to, dimension.param(), null);
		}
		catch (DomainException ex) {
			model.addAttribute("error", ex.messageKey());
			params = report.parse(null, null, dimension.param(), null);
		}
		List<KpiGroup> rows = new ArrayList<>(report.groups(me, params));
		boolean desc = !"asc".equals(dir);
		if (sort != null && COLUMNS.containsKey(sort)) {
			rows.sort(order(sort, desc));
		}
		List<KpiGroup> months = dimension == KpiDimension.MONTH ? rows
				: report.groups(me, params.with(params.from(), params.to(), KpiDimension.MONTH, false));
		months = new ArrayList<>(months);
		months.sort(Comparator.comparing(KpiGroup::group));
		KpiCounts total = rows.stream().map(KpiGroup::counts).reduce(KpiCounts.ZERO, KpiCounts::plus);

		KpiDimension rankBy = "unit".equals(rank) ? KpiDimension.UNIT : KpiDimension.GRID;
		List<String> rankMonths = months.stream().map(KpiGroup::group).toList();
		String chosenMonth = rankMonths.contains(rankMonth) ? rankMonth
				: rankMonths.isEmpty() ? null : rankMonths.get(rankMonths.size() - 1);
		if (chosenMonth != null) {
			YearMonth ym = YearMonth.parse(chosenMonth);
			LocalDate rf = ym.atDay(1).isBefore(params.from()) ? params.from() : ym.atDay(1);
			LocalDate rt = ym.atEndOfMonth().isAfter(params.to()) ? params.to() : ym.atEndOfMonth();
			List<KpiGroup> ranked = report.groups(me, params.with(rf, rt, rankBy, false));
			model.addAttribute("rankOnTime", ranking(ranked, KpiGroup::onTimeClosureRate, KpiGroup::due));
			model.addAttribute("rankSatisfaction", ranking(ranked, KpiGroup::satisfactionRate, KpiGroup::rated));
		}

		model.addAttribute("from", params.from().toString());
		model.addAttribute("to", params.to().toString());
		model.addAttribute("groupBy", dimension.param());
		model.addAttribute("dimension", dimension);
		model.addAttribute("dimensions", KpiDimension.values());
		model.addAttribute("sort", sort != null && COLUMNS.containsKey(sort) ? sort : null);
		model.addAttribute("dir", desc ? "desc" : "asc");
		model.addAttribute("rank", rankBy.param());
		model.addAttribute("rankMonth", chosenMonth);
		model.addAttribute("rankMonths", rankMonths);
		model.addAttribute("rows", rows);
		model.addAttribute("total", KpiGroup.of(new KpiRow(null, null, null, total),
				messages.getMessage("kpi.total", null, LocaleContextHolder.getLocale())));
		model.addAttribute("empty", total.received() == 0);
		model.addAttribute("counts", COUNTS);
		model.addAttribute("rates", RATES);
		model.addAttribute("chartJson", chartJson(months));
		return htmx != null ? "cases/kpis :: results" : "cases/kpis";
	}

	/** A ranked entry (排名): competition ranking, equal rates share a place. */
	record Ranked(int place, KpiGroup group, Double rate, long numerator, long denominator) {
	}

	static List<Ranked> ranking(List<KpiGroup> groups, Function<KpiGroup, Double> rate,
			Function<KpiGroup, Long> denominator) {
		List<KpiGroup> sorted = groups.stream().filter(g -> g.group() != null && rate.apply(g) != null)
			.sorted(Comparator.comparing((KpiGroup g) -> rate.apply(g)).reversed()
				.thenComparing(Comparator.comparing(denominator).reversed())
				.thenComparing(KpiGroup::name, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		List<Ranked> ranked = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			KpiGroup g = sorted.get(i);
			int place = i > 0 && rate.apply(g).equals(ranked.get(i - 1).rate()) ? ranked.get(i - 1).place() : i + 1;
			long d = denominator.apply(g);
			ranked.add(new Ranked(place, g, rate.apply(g), Math.round(rate.apply(g) * d), d));
		}
		return ranked;
	}

	static KpiDimension defaultDimension(DataScope scope) {
		if (scope.all() || scope.areaCode() == null) {
			return KpiDimension.STREET;
		}
		int len = scope.areaCode().length();
		return len <= 6 ? KpiDimension.STREET
				: len <= 9 ? KpiDimension.COMMUNITY : len <= 12 ? KpiDimension.GRID : KpiDimension.UNIT;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Comparator<KpiGroup> order(String sort, boolean desc) {
		Function<KpiGroup, Comparable> key = (Function) COLUMNS.get(sort);
		Comparator<Comparable> natural = Comparator.naturalOrder();
		Comparator<Comparable> direction = desc ? natural.reversed() : natural;
		return Comparator.comparing(key, Comparator.nullsLast(direction));
	}

	private static Map<String, Function<KpiGroup, Comparable<?>>> columns() {
		Map<String, Function<KpiGroup, Comparable<?>>> c = new LinkedHashMap<>();
		c.put("name", KpiGroup::name);
		c.put("received", KpiGroup::received);
		c.put("dispatched", KpiGroup::dispatched);
		c.put("respondedInTime", KpiGroup::respondedInTime);
		c.put("closed", KpiGroup::closed);
		c.put("closedOnTime", KpiGroup::closedOnTime);
		c.put("due", KpiGroup::due);
		c.put("reworked", KpiGroup::reworked);
		c.put("extended", KpiGroup::extended);
		c.put("rated", KpiGroup::rated);
		c.put("satisfied", KpiGroup::satisfied);
		c.put("responseRate", KpiGroup::responseRate);
		c.put("resolutionRate", KpiGroup::resolutionRate);
		c.put("satisfactionRate", KpiGroup::satisfactionRate);
		c.put("closureRate", KpiGroup::closureRate);
		c.put("onTimeClosureRate", KpiGroup::onTimeClosureRate);
		c.put("reworkRate", KpiGroup::reworkRate);
		c.put("extensionRate", KpiGroup::extensionRate);
		return Map.copyOf(c);
	}

	/** The monthly series for the charts, with localised series names; safe inside a script element. */
	private String chartJson(List<KpiGroup> months) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("months", months.stream().map(KpiGroup::name).toList());
		data.put("received", months.stream().map(KpiGroup::received).toList());
		data.put("closed", months.stream().map(KpiGroup::closed).toList());
		Map<String, Object> rates = new LinkedHashMap<>();
		for (String r : RATES) {
			rates.put(r, months.stream().map(g -> (Double) COLUMNS.get(r).apply(g)).toList());
		}
		data.put("rates", rates);
		Map<String, String> labels = new LinkedHashMap<>();
		for (String key : Set.copyOf(COLUMNS.keySet())) {
			labels.put(key, messages.getMessage("kpi.col." + key, null, key, locale));
		}
		labels.put("counts", messages.getMessage("kpi.chart.counts", null, locale));
		labels.put("percent", messages.getMessage("kpi.chart.percent", null, locale));
		data.put("labels", labels);
		return JSON.writeValueAsString(data).replace("</", "<\\/");
	}

}
