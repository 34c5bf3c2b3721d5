package org.gongzhi.cases.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.cases.CaseActionCmd;
import org.gongzhi.cases.CaseDetail;
import org.gongzhi.cases.CaseQuery;
import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.CaseView;
import org.gongzhi.cases.Satisfaction;
import org.gongzhi.cases.UnitType;
import org.gongzhi.cases.domain.CaseBoards;
import org.gongzhi.cases.domain.CaseDesk;
import org.gongzhi.cases.domain.CategoryAdministration;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: the scoped list with its filters (also the worklist of grid workers and the dispatch board of
 * dispatchers, {@code ?todo=true}), my cases (我的反映), the overdue and supervision list, the whistle board, and the
 * case page with its timeline and a form for each action the user may take now.
 */
@Controller
class CasePageController {

	/** Actions whose form takes photos of the work done. */
	static final Set<String> PHOTO_ACTIONS = Set.of("handle", "feedback", "whistle-report");

	/** Actions that need a reason. */
	static final Set<String> REASON_ACTIONS = Set.of("send-back", "suspend", "void", "reopen", "extend",
			"whistle-report");

	/** Actions asked to be confirmed before they are sent. */
	static final Set<String> CONFIRM_ACTIONS = Set.of("void", "merge", "reopen");

	private static final int MAX_AREA_OPTIONS = 400;

	private final CaseDesk desk;

	private final CaseBoards boards;

	private final Areas areas;

	private final UserDirectory users;

	private final PhotoUploads uploads;

	private final Validator validator;

	private final PageMessages messages;

	CasePageController(CaseDesk desk, CaseBoards boards, Areas areas, UserDirectory users, PhotoUploads uploads,
			Validator validator, PageMessages messages) {
		this.desk = desk;
		this.boards = boards;
		this.areas = areas;
		this.users = users;
		this.uploads = uploads;
		this.validator = validator;
		this.messages = messages;
	}

	// lists

	@GetMapping("/cases")
	String list(@RequestParam(required = false) CaseStatus status, @RequestParam(required = false) String category,
			@RequestParam(required = false) String area, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Boolean todo, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal GongzhiUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		String mode = Boolean.TRUE.equals(todo) ? "todo" : "all";
		return list(new CaseQuery(status, blank(category), blank(area), Boolean.TRUE.equals(overdue) ? true : null,
				from, to, Boolean.TRUE.equals(todo) ? true : null, blank(q), "deadline".equals(sort) ? sort : null,
				Math.max(0, page), PageResult.size(size, 20, 100)), mode, "/cases", me, htmx, model);
	}

	@GetMapping("/cases/overdue")
	String overdue(@RequestParam(required = false) String category, @RequestParam(required = false) String area,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal GongzhiUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		requireStaff(me);
		return list(new CaseQuery(null, blank(category), blank(area), true, null, null, null, blank(q), "deadline",
				Math.max(0, page), 20), "overdue", "/cases/overdue", me, htmx, model);
	}

	private String list(CaseQuery query, String mode, String path, GongzhiUser me, String htmx, Model model) {
		model.addAttribute("result", desk.search(me, query));
		model.addAttribute("query", query);
		model.addAttribute("mode", mode);
		model.addAttribute("path", path);
		model.addAttribute("staff", staff(me));
		model.addAttribute("dispatcher", me.hasAny(Role.STREET_ADMIN, Role.COMMUNITY_STAFF, Role.SYSTEM_ADMIN));
		if (htmx != null) {
			return "cases/list :: results";
		}
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("majors", CaseReportController.majors(desk.categories()));
		model.addAttribute("areaOptions", areaOptions(me));
		return "cases/list";
	}

	@GetMapping("/cases/mine")
	String mine(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal GongzhiUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("result", boards.followed(me, Math.max(0, page), 20));
		return htmx != null ? "cases/mine :: results" : "cases/mine";
	}

	@GetMapping("/cases/whistles")
	String whistles(@AuthenticationPrincipal GongzhiUser me, Model model) {
		requireStaff(me);
		model.addAttribute("open", boards.openWhistles(me, 200));
		model.addAttribute("departments", boards.responseTimes(me));
		return "cases/whistles";
	}

	// one case

	@GetMapping("/cases/{caseNo}")
	String detail(@PathVariable String caseNo, @AuthenticationPrincipal GongzhiUser me, Model model) {
		CaseDetail detail = desk.detail(me, caseNo);
		CaseView c = detail.caseView();
		model.addAttribute("d", detail);
		model.addAttribute("c", c);
		model.addAttribute("gridName", name(c.gridCode()));
		model.addAttribute("communityName", name(c.communityCode()));
		model.addAttribute("staff", staff(me));
		model.addAttribute("needFromCase", c.communityCode() != null && me.scope().covers(c.communityCode())
				&& me.hasAny(Role.STREET_ADMIN, Role.COMMUNITY_STAFF, Role.PARTY_SECRETARY, Role.SYSTEM_ADMIN));
		List<String> allowed = detail.allowedActions();
		if (allowed.contains("dispatch")) {
			Map<UnitType, List<UnitOption>> groups = new java.util.EnumMap<>(UnitType.class);
			unitOptions(me, c).forEach(u -> groups.computeIfAbsent(u.type(), t -> new ArrayList<>()).add(u));
			model.addAttribute("unitGroups", groups);
		}
		if (allowed.contains("whistle")) {
			Set<String> called = new java.util.HashSet<>();
			detail.whistles().forEach(w -> called.add(w.departmentCode()));
			Map<String, String> departments = new java.util.LinkedHashMap<>(users.departmentNames());
			departments.keySet().removeAll(called);
			model.addAttribute("whistleDepartments", departments);
		}
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("photoActions", PHOTO_ACTIONS);
		model.addAttribute("reasonActions", REASON_ACTIONS);
		model.addAttribute("confirmActions", CONFIRM_ACTIONS);
		model.addAttribute("mayEditCategories", CategoryAdministration.mayEdit(me));
		return "cases/detail";
	}

	@PostMapping("/cases/{caseNo}/actions/{action}")
	String act(@PathVariable String caseNo, @PathVariable String action, @ModelAttribute ActionForm form,
			BindingResult binding, @RequestParam(name = "photos", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		String back = "redirect:/cases/" + caseNo;
		if (!boards.sees(me, caseNo)) {
			throw DomainException.notFound("case.notFound", caseNo);
		}
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("errorText",
					messages.text(binding.hasFieldErrors("hours") ? "case.hours.range" : "case.form.badInput"));
			return back;
		}
		List<MultipartFile> chosen = PhotoUploads.chosen(files);
		String photoProblem = PhotoUploads.problem(chosen).orElse(null);
		if (photoProblem != null) {
			redirect.addFlashAttribute("error", photoProblem);
			return back;
		}
		CaseActionCmd probe = form.toCmd(null);
		Set<ConstraintViolation<CaseActionCmd>> violations = validator.validate(probe);
		if (!violations.isEmpty()) {
			redirect.addFlashAttribute("errorText", violations.iterator().next().getMessage());
			return back;
		}
		List<String> urls = uploads.store(me, caseNo, chosen);
		try {
			desk.act(me, caseNo, action, form.toCmd(urls));
		}
		catch (DomainException ex) {
			uploads.discard(me, urls);
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("errorText", messages.text(ex));
			return back;
		}
		redirect.addFlashAttribute("notice", "case.done." + action);
		return back;
	}

	// helpers

	/** One choice of the dispatch form's unit select. */
	record UnitOption(String value, UnitType type, String name, String code) {
	}

	/** The grids of the case's community, its community, the street and every department; routed unit first. */
	private List<UnitOption> unitOptions(GongzhiUser me, CaseView c) {
		List<UnitOption> options = new ArrayList<>();
		if (c.communityCode() != null) {
			for (AreaView g : areas.children(c.communityCode())) {
				if (g.level() == AreaLevel.GRID && reachable(me, g.code())) {
					options.add(new UnitOption("GRID:" + g.code(), UnitType.GRID, g.name(), g.code()));
				}
			}
			if (reachable(me, c.communityCode())) {
				options.add(new UnitOption("COMMUNITY:" + c.communityCode(), UnitType.COMMUNITY,
						name(c.communityCode()), c.communityCode()));
			}
		}
		if (c.streetCode() != null && reachable(me, c.streetCode())) {
			options.add(new UnitOption("STREET:" + c.streetCode(), UnitType.STREET, name(c.streetCode()),
					c.streetCode()));
		}
		users.departmentNames().forEach((code, name) -> options
			.add(new UnitOption("DEPARTMENT:" + code, UnitType.DEPARTMENT, name, code)));
		return options;
	}

	private static boolean reachable(GongzhiUser me, String code) {
		return me.scope().covers(code) || me.scope().isAncestorOfRoot(code);
	}

	/** One choice of the area filter, indented by its depth under the user's scope. */
	record AreaOption(String code, String name, int depth) {
	}

	private List<AreaOption> areaOptions(GongzhiUser me) {
		List<AreaOption> options = new ArrayList<>();
		if (!staff(me)) {
			return options;
		}
		List<AreaView> roots;
		if (me.scope().all()) {
			roots = areas.ofLevel(AreaLevel.STREET);
		}
		else if (me.scope().areaCode() != null) {
			roots = areas.find(me.scope().areaCode()).map(List::of).orElse(List.of());
		}
		else {
			roots = List.of();
		}
		for (AreaView root : roots) {
			addAreas(root, 0, options);
		}
		return options;
	}

	private void addAreas(AreaView area, int depth, List<AreaOption> options) {
		if (options.size() >= MAX_AREA_OPTIONS || area.level().ordinal() > AreaLevel.GRID.ordinal()) {
			return;
		}
		options.add(new AreaOption(area.code(), area.name(), depth));
		if (area.level() != AreaLevel.GRID) {
			for (AreaView child : areas.children(area.code())) {
				addAreas(child, depth + 1, options);
			}
		}
	}

	private String name(String code) {
		return code == null ? null : areas.find(code).map(AreaView::name).orElse(code);
	}

	static boolean staff(GongzhiUser me) {
		return me.roles().stream().anyMatch(Role::staff);
	}

	private static void requireStaff(GongzhiUser me) {
		if (!staff(me)) {
			throw DomainException.forbidden("case.page.staffOnly");
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
