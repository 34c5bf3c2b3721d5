package org.gongzhi.party.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.CadenceWarning;
import org.gongzhi.party.CriterionCmd;
import org.gongzhi.party.MeetingCmd;
import org.gongzhi.party.MeetingKind;
import org.gongzhi.party.MeetingView;
import org.gongzhi.party.RatingSheet;
import org.gongzhi.party.RatingSource;
import org.gongzhi.party.domain.BranchLife;
import org.gongzhi.party.domain.StarRatings;
import org.gongzhi.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The branch-life calendar (组织生活日历) with its cadence warnings, record form and meeting detail, and the star
 * rating worksheet (星级评定表) with criteria, scores, adjustments, finalisation and the result history. Refusals come
 * back after the redirect as a message in the user's language, with the form filled in again.
 */
@Controller
class BranchLifePages {

	private final BranchLife life;

	private final StarRatings ratings;

	private final Validator validator;

	private final MessageSource messages;

	BranchLifePages(BranchLife life, StarRatings ratings, Validator validator, MessageSource messages) {
		this.life = life;
		this.ratings = ratings;
		this.validator = validator;
		this.messages = messages;
	}

	@GetMapping("/party/life")
	String calendar(@RequestParam(required = false) String month, @RequestParam(required = false) Long org,
			@RequestParam(required = false) MeetingKind kind, @AuthenticationPrincipal GongzhiUser me, Model model) {
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		YearMonth shown = parseMonth(month, YearMonth.from(today));
		List<MeetingView> meetings = life.meetings(me, org, null, shown.atDay(1), shown.atEndOfMonth(), 0, 1000).items();
		Map<String, List<MeetingView>> byDay = new TreeMap<>();
		for (MeetingView m : meetings) {
			byDay.computeIfAbsent(m.heldOn().toString(), d -> new ArrayList<>()).add(m);
		}
		List<List<LocalDate>> weeks = new ArrayList<>();
		LocalDate first = shown.atDay(1);
		LocalDate cursor = first.minusDays(first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
		while (!cursor.isAfter(shown.atEndOfMonth())) {
			List<LocalDate> week = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				week.add(cursor);
				cursor = cursor.plusDays(1);
			}
			weeks.add(week);
		}
		List<CadenceWarning> warnings = life.warnings(me, org, false);
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("today", today);
		model.addAttribute("weeks", weeks);
		model.addAttribute("byDay", byDay);
		model.addAttribute("meetings", meetings);
		model.addAttribute("warnings", warnings);
		model.addAttribute("currentWarnings", warnings.stream().filter(CadenceWarning::current).toList());
		model.addAttribute("pastWarnings", warnings.stream().filter(w -> !w.current()).toList());
		model.addAttribute("branches", life.branches(me));
		Map<String, Object> cadence = new LinkedHashMap<>();
		life.cadence().forEach((k, period) -> cadence.put(k.name(), period));
		model.addAttribute("cadence", cadence);
		model.addAttribute("org", org);
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("prefillKind", kind);
		return "party/life";
	}

	private static YearMonth parseMonth(String month, YearMonth fallback) {
		if (month == null || month.isBlank()) {
			return fallback;
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

	@PostMapping("/party/life/meetings")
	String record(@RequestParam(required = false) Long organisationId, @RequestParam(required = false) MeetingKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String place, @RequestParam(required = false) String topic,
			@RequestParam(required = false) Integer expected, @RequestParam(required = false) Integer present,
			@RequestParam(required = false) String absentees, @RequestParam(required = false) String minutes,
			@AuthenticationPrincipal GongzhiUser me, HttpServletRequest request, RedirectAttributes redirect) {
		MeetingCmd cmd = new MeetingCmd(organisationId, kind, heldOn, place, topic, expected, present,
				absentees(absentees), minutes);
		boolean ok = act(redirect, cmd, () -> life.record(me, cmd));
		if (!ok) {
			redirect.addFlashAttribute("form", request.getParameterMap().entrySet().stream()
				.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue()[0])));
		}
		String month = heldOn != null && ok ? YearMonth.from(heldOn).toString() : "";
		return "redirect:/party/life?month=" + month + (organisationId != null && ok ? "&org=" + organisationId : "");
	}

	/** One absent member a line, the name first and the reason after a colon or space (张三：出差). */
	static List<MeetingCmd.Absentee> absentees(String text) {
		List<MeetingCmd.Absentee> list = new ArrayList<>();
		if (text == null) {
			return list;
		}
		for (String line : text.split("\\R")) {
			String l = line.strip();
			if (l.isEmpty()) {
				continue;
			}
			String[] parts = l.split("[：:，,\\s]+", 2);
			list.add(new MeetingCmd.Absentee(parts[0], parts.length > 1 ? parts[1].strip() : null));
		}
		return list;
	}

	@GetMapping("/party/life/meetings/{id}")
	String meeting(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me, Model model) {
		MeetingView meeting = life.meeting(me, id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("branches", life.branches(me));
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		model.addAttribute("absenteeText", String.join("\n", meeting.absentees().stream()
			.map(a -> a.reason() == null ? a.name() : a.name() + "：" + a.reason()).toList()));
		return "party/meeting";
	}

	@PostMapping("/party/life/meetings/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) MeetingKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String place, @RequestParam(required = false) String topic,
			@RequestParam(required = false) Integer expected, @RequestParam(required = false) Integer present,
			@RequestParam(required = false) String absentees, @RequestParam(required = false) String minutes,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		MeetingCmd cmd = new MeetingCmd(organisationId, kind, heldOn, place, topic, expected, present,
				absentees(absentees), minutes);
		act(redirect, cmd, () -> life.update(me, id, cmd));
		return "redirect:/party/life/meetings/" + id;
	}

	@PostMapping("/party/life/meetings/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		MeetingView m = life.meeting(me, id);
		act(redirect, null, () -> {
			life.delete(me, id);
			return null;
		});
		return "redirect:/party/life?month=" + YearMonth.from(m.heldOn()) + "&org=" + m.organisationId();
	}

	@GetMapping("/party/stars")
	String stars(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long org,
			@AuthenticationPrincipal GongzhiUser me, Model model) {
		int thisYear = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		int shown = year == null || year < 2000 || year > thisYear ? thisYear : year;
		RatingSheet sheet = ratings.sheet(me, shown);
		model.addAttribute("sheet", sheet);
		model.addAttribute("year", shown);
		List<Integer> years = new ArrayList<>();
		for (int y = thisYear; y >= thisYear - 4; y--) {
			years.add(y);
		}
		model.addAttribute("years", years);
		model.addAttribute("thresholds", ratings.thresholds());
		model.addAttribute("sources", RatingSource.values());
		model.addAttribute("org", org);
		Map<Long, Map<String, Integer>> byBranch = new LinkedHashMap<>();
		Map<Long, String> names = new LinkedHashMap<>();
		ratings.history(me, null, null, 0, 1000).items().forEach(r -> {
			byBranch.computeIfAbsent(r.organisationId(), k -> new TreeMap<>()).put(String.valueOf(r.year()), r.stars());
			names.put(r.organisationId(), r.organisationName());
		});
		model.addAttribute("historyYears", byBranch.values().stream().flatMap(m -> m.keySet().stream()).distinct()
			.sorted(java.util.Comparator.reverseOrder()).toList());
		model.addAttribute("historyByBranch", byBranch);
		model.addAttribute("historyNames", names);
		return "party/stars";
	}

	@PostMapping("/party/stars/{year}/criteria")
	String criteria(@PathVariable int year, @RequestParam(name = "code", required = false) List<String> codes,
			@RequestParam(name = "name", required = false) List<String> names,
			@RequestParam(name = "weight", required = false) List<String> weights,
			@RequestParam(name = "source", required = false) List<RatingSource> sources,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		List<CriterionCmd> list = new ArrayList<>();
		int n = names == null ? 0 : names.size();
		for (int i = 0; i < n; i++) {
			String name = names.get(i);
			if (name == null || name.isBlank()) {
				continue;
			}
			Integer weight = weights != null && i < weights.size() ? integer(weights.get(i)) : null;
			list.add(new CriterionCmd(codes != null && i < codes.size() ? codes.get(i) : null, name, weight,
					sources != null && i < sources.size() ? sources.get(i) : RatingSource.MANUAL));
		}
		for (CriterionCmd c : list) {
			if (!validate(redirect, c)) {
				return "redirect:/party/stars?year=" + year;
			}
		}
		act(redirect, null, () -> ratings.saveCriteria(me, year, list));
		return "redirect:/party/stars?year=" + year;
	}

	@PostMapping("/party/stars/{year}/scores/{org}")
	String score(@PathVariable int year, @PathVariable long org, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		Map<String, BigDecimal> scores = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : params.entrySet()) {
			if (e.getKey().startsWith("score.")) {
				String v = e.getValue() == null ? "" : e.getValue().strip();
				try {
					scores.put(e.getKey().substring(6), v.isEmpty() ? null : new BigDecimal(v));
				}
				catch (NumberFormatException ex) {
					flashError(redirect, "party.rating.score.number", v);
					return "redirect:/party/stars?year=" + year + "#row-" + org;
				}
			}
		}
		act(redirect, null, () -> ratings.score(me, year, org, scores));
		return "redirect:/party/stars?year=" + year + "#row-" + org;
	}

	@PostMapping("/party/stars/{year}/stars/{org}")
	String adjust(@PathVariable int year, @PathVariable long org, @RequestParam(required = false) String stars,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal GongzhiUser me,
			RedirectAttributes redirect) {
		Integer value = integer(stars);
		act(redirect, null, () -> ratings.adjust(me, year, org, value, reason));
		return "redirect:/party/stars?year=" + year + "#row-" + org;
	}

	@PostMapping("/party/stars/{year}/finalise")
	String finalise(@PathVariable int year, @AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		act(redirect, null, () -> ratings.finalise(me, year));
		return "redirect:/party/stars?year=" + year;
	}

	private static Integer integer(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(s.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private boolean validate(RedirectAttributes redirect, Object cmd) {
		Set<ConstraintViolation<Object>> violations = validator.validate(cmd);
		if (violations.isEmpty()) {
			return true;
		}
		ConstraintViolation<Object> first = violations.stream()
			.sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString())).findFirst().orElseThrow();
		String key = first.getMessageTemplate().replaceAll("^\\{|\\}$", "");
		redirect.addFlashAttribute("lifeError", messages.getMessage(key, null, first.getMessage(),
				LocaleContextHolder.getLocale()));
		redirect.addFlashAttribute("lifeErrorField", first.getPropertyPath().toString());
		return false;
	}

	/** Validates, runs the action and flashes the outcome; answers whether it succeeded. */
	private boolean act(RedirectAttributes redirect, Object cmd, Supplier<?> action) {
		if (cmd != null && !validate(redirect, cmd)) {
			return false;
		}
		try {
			action.get();
			redirect.addFlashAttribute("lifeNotice", messages.getMessage("party.life.saved", null,
					LocaleContextHolder.getLocale()));
			return true;
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("lifeError", messages.getMessage(ex.messageKey(), ex.args(),
					LocaleContextHolder.getLocale()));
			redirect.addFlashAttribute("lifeErrorField", ex.field());
			return false;
		}
	}

	private void flashError(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("lifeError", messages.getMessage(key, args, LocaleContextHolder.getLocale()));
	}

}
