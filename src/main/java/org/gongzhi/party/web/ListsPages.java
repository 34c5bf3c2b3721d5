package org.gongzhi.party.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.party.ClaimNeedCmd;
import org.gongzhi.party.ClaimResourceCmd;
import org.gongzhi.party.MilestoneCmd;
import org.gongzhi.party.NeedCategory;
import org.gongzhi.party.NeedCmd;
import org.gongzhi.party.NeedSource;
import org.gongzhi.party.NeedStatus;
import org.gongzhi.party.NeedView;
import org.gongzhi.party.ProgressCmd;
import org.gongzhi.party.ProjectStatus;
import org.gongzhi.party.ProjectView;
import org.gongzhi.party.ProviderView;
import org.gongzhi.party.ResourceCmd;
import org.gongzhi.party.ResourceKind;
import org.gongzhi.party.UnitAccountCmd;
import org.gongzhi.party.domain.Organisations;
import org.gongzhi.party.domain.Projects;
import org.gongzhi.party.domain.ThreeLists;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The three lists pages (三张清单): needs and resources with search, filters and paging, publish forms, claim buttons
 * with a confirming second step, matching suggestions on a need, the public project board and a project's page
 * where the people on either side keep milestones and progress. Refusals come back after the redirect as a message,
 * with the form filled in again and the offending field marked.
 */
@Controller
class ListsPages {

	private static final int PAGE_SIZE = 20;

	private final ThreeLists lists;

	private final Projects projects;

	private final Areas areas;

	private final Validator validator;

	private final Organisations organisations;

	private final UserDirectory users;

	ListsPages(ThreeLists lists, Projects projects, Areas areas, Validator validator, Organisations organisations,
			UserDirectory users) {
		this.organisations = organisations;
		this.users = users;
		this.lists = lists;
		this.projects = projects;
		this.areas = areas;
		this.validator = validator;
	}

	@GetMapping("/party/lists")
	String lists(@RequestParam(defaultValue = "needs") String tab, @RequestParam(required = false) String community,
			@RequestParam(required = false) String q, @RequestParam(required = false) NeedCategory category,
			@RequestParam(required = false) String status, @RequestParam(required = false) ResourceKind kind,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String fromCase,
			@RequestHeader(value = "HX-Request", required = false) String htmx, @AuthenticationPrincipal GongzhiUser me,
			Model model) {
		boolean resources = "resources".equals(tab);
		Optional<ProviderView> provider = lists.providerOf(me);
		boolean manager = lists.communityManager(me);
		model.addAttribute("tab", resources ? "resources" : "needs");
		model.addAttribute("community", community);
		model.addAttribute("q", q);
		model.addAttribute("category", category);
		model.addAttribute("kind", kind);
		model.addAttribute("mine", mine);
		model.addAttribute("provider", provider.orElse(null));
		model.addAttribute("manager", manager);
		model.addAttribute("categories", NeedCategory.values());
		model.addAttribute("kinds", ResourceKind.values());
		model.addAttribute("sources", NeedSource.values());
		model.addAttribute("needStatuses", NeedStatus.values());
		model.addAttribute("communities", areas.ofLevel(AreaLevel.COMMUNITY));
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		if (resources) {
			String key = mine ? provider.map(ProviderView::key).orElse("-") : null;
			model.addAttribute("result", lists.resources(q, kind, category, key, !mine, page, PAGE_SIZE));
			model.addAttribute("claimableNeeds", lists.claimableNeeds(me));
			if (manager) {
				model.addAttribute("unitOrgs", organisations.tree(me));
			}
		}
		else {
			NeedStatus needStatus = status == null ? NeedStatus.OPEN : parse(NeedStatus.class, status);
			model.addAttribute("status", needStatus == null ? "" : needStatus.name());
			model.addAttribute("result", lists.needs(community, q, category, needStatus, page, PAGE_SIZE));
			model.addAttribute("myResources", lists.myResources(me));
			if (manager) {
				model.addAttribute("areasToPublish", publishAreas(me));
				if (fromCase != null && !model.containsAttribute("needForm")) {
					draftFromCase(me, fromCase, model);
				}
			}
		}
		return htmx != null ? "party/lists :: list" : "party/lists";
	}

	/** Opens the publish form filled from a case (案件转需求), or names the case number as not found. */
	private void draftFromCase(GongzhiUser me, String caseNo, Model model) {
		Optional<Map<String, String>> draft = lists.draftFromCase(me, caseNo);
		if (draft.isPresent()) {
			model.addAttribute("needForm", draft.get());
			model.addAttribute("notice", "party.lists.fromCase.drafted");
		}
		else {
			model.addAttribute("needForm", Map.of("caseNo", caseNo.strip(), "source", NeedSource.RECURRING_CASE.name()));
			model.addAttribute("errorField", "caseNo");
			model.addAttribute("error", "party.lists.fromCase.unknown");
		}
	}

	/** The communities and grids a manager may publish needs for. */
	private List<AreaView> publishAreas(GongzhiUser me) {
		return areas.ofLevel(AreaLevel.COMMUNITY).stream().filter(c -> me.scope().covers(c.code()))
			.flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c),
					areas.children(c.code()).stream().filter(g -> g.level() == AreaLevel.GRID)))
			.toList();
	}

	@GetMapping("/party/lists/needs/{id}")
	String need(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me, Model model) {
		NeedView need = lists.need(id);
		model.addAttribute("need", need);
		model.addAttribute("matches", need.open() ? lists.matches(id, 10) : List.of());
		model.addAttribute("project", need.projectId() == null ? null : projects.get(need.projectId()));
		model.addAttribute("provider", lists.providerOf(me).orElse(null));
		model.addAttribute("myResources", lists.myResources(me));
		model.addAttribute("manager", lists.communityManager(me) && me.scope().covers(need.areaCode()));
		return "party/need";
	}

	@PostMapping("/party/lists/needs")
	String publishNeed(@RequestParam Map<String, String> form, @AuthenticationPrincipal GongzhiUser me,
			RedirectAttributes redirect) {
		NeedCmd cmd = new NeedCmd(form.get("areaCode"), form.getOrDefault("title", ""),
				parse(NeedCategory.class, form.get("category")), form.get("description"),
				parse(NeedSource.class, form.get("source")), form.get("caseNo"), number(form.get("lng")),
				number(form.get("lat")), date(form.get("wantedBy")));
		Optional<NeedView> created = act(redirect, cmd, form, "needForm", () -> lists.publishNeed(me, cmd));
		return created.map(n -> "redirect:/party/lists?status=OPEN&q=" + encode(n.title()))
			.orElse("redirect:/party/lists");
	}

	@PostMapping("/party/lists/needs/{id}/withdraw")
	String withdrawNeed(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		act(redirect, null, null, null, () -> lists.withdrawNeed(me, id));
		return "redirect:/party/lists/needs/" + id;
	}

	@PostMapping("/party/lists/needs/{id}/claim")
	String claimNeed(@PathVariable long id, @RequestParam(required = false) Long resourceId,
			@RequestParam(required = false) String offer, @AuthenticationPrincipal GongzhiUser me,
			RedirectAttributes redirect) {
		ClaimNeedCmd cmd = new ClaimNeedCmd(resourceId, offer);
		return act(redirect, cmd, null, null, () -> lists.claimNeed(me, id, cmd))
			.map(p -> "redirect:/party/projects/" + p.id()).orElse("redirect:/party/lists/needs/" + id);
	}

	@PostMapping("/party/lists/resources")
	String publishResource(@RequestParam Map<String, String> form, @AuthenticationPrincipal GongzhiUser me,
			RedirectAttributes redirect) {
		ResourceCmd cmd = new ResourceCmd(null, null, parse(ResourceKind.class, form.get("kind")),
				parse(NeedCategory.class, form.get("category")), form.getOrDefault("title", ""),
				form.get("description"), form.get("capacity"), form.get("availability"), form.get("areaCode"),
				number(form.get("lng")), number(form.get("lat")));
		act(redirect, cmd, form, "resourceForm", () -> lists.publishResource(me, cmd));
		return "redirect:/party/lists?tab=resources&mine=true";
	}

	@PostMapping("/party/lists/resources/{id}/withdraw")
	String withdrawResource(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me,
			RedirectAttributes redirect) {
		act(redirect, null, null, null, () -> lists.withdrawResource(me, id));
		return "redirect:/party/lists?tab=resources&mine=true";
	}

	@PostMapping("/party/lists/resources/{id}/claim")
	String claimResource(@PathVariable long id, @RequestParam(required = false) Long needId,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		ClaimResourceCmd cmd = new ClaimResourceCmd(needId);
		return act(redirect, cmd, null, null, () -> lists.claimResource(me, id, cmd))
			.map(p -> "redirect:/party/projects/" + p.id()).orElse("redirect:/party/lists?tab=resources");
	}

	/** A manager links a sign-in account, named by its user name, to a unit or member unit (驻区单位账号). */
	@PostMapping("/party/lists/unit-accounts")
	String linkUnit(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String unit,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		Long userId = users.findByUsername(username.strip()).map(UserSummary::id).orElse(null);
		String[] parts = unit.split(":");
		Long org = parts[0].matches("\\d+") ? Long.valueOf(parts[0]) : null;
		Long memberUnit = parts.length > 1 && parts[1].matches("\\d+") ? Long.valueOf(parts[1]) : null;
		if (userId == null && !username.isBlank()) {
			refuse(redirect, "party.lists.user.unknown", "username", Map.of("username", username), "unitForm");
		}
		else {
			UnitAccountCmd cmd = new UnitAccountCmd(userId, org, memberUnit);
			act(redirect, cmd, Map.of("username", username), "unitForm", () -> {
				lists.linkUnitAccount(me, cmd);
				return cmd;
			});
		}
		return "redirect:/party/lists?tab=resources";
	}

	@GetMapping("/party/projects")
	String board(@RequestParam(required = false) String community, @RequestParam(required = false) String q,
			@RequestParam(required = false) ProjectStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		PageResult<ProjectView> result = projects.board(community, q, status, null, page, PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("counts", projects.counts(community));
		model.addAttribute("community", community);
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("statuses", ProjectStatus.values());
		model.addAttribute("communities", areas.ofLevel(AreaLevel.COMMUNITY));
		return htmx != null ? "party/projects :: list" : "party/projects";
	}

	@GetMapping("/party/projects/{id}")
	String project(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me, Model model) {
		ProjectView project = projects.get(id);
		model.addAttribute("project", project);
		model.addAttribute("need", lists.need(project.needId()));
		model.addAttribute("canManage", project.active() && projects.canManage(me, project));
		model.addAttribute("statuses", ProjectStatus.values());
		return "party/project";
	}

	@PostMapping("/party/projects/{id}/progress")
	String progress(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		Integer progress = number(form.get("progress")) == null ? null : number(form.get("progress")).intValue();
		ProgressCmd cmd = new ProgressCmd(progress, form.get("result"), parse(ProjectStatus.class, form.get("status")));
		act(redirect, cmd, form, "progressForm", () -> projects.progress(me, id, cmd));
		return "redirect:/party/projects/" + id;
	}

	@PostMapping("/party/projects/{id}/milestones")
	String milestone(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		MilestoneCmd cmd = new MilestoneCmd(form.getOrDefault("title", ""), date(form.get("dueOn")));
		act(redirect, cmd, form, "milestoneForm", () -> projects.addMilestone(me, id, cmd));
		return "redirect:/party/projects/" + id;
	}

	@PostMapping("/party/projects/{id}/milestones/{milestoneId}")
	String markMilestone(@PathVariable long id, @PathVariable long milestoneId, @RequestParam boolean done,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		act(redirect, null, null, null, () -> projects.markMilestone(me, id, milestoneId, done));
		return "redirect:/party/projects/" + id;
	}

	/**
	 * Validates the command and runs the action; on a refusal flashes the message key, the field it concerns and the
	 * form as entered (under formName) so that the page can show the form again with the field marked.
	 */
	private <T> Optional<T> act(RedirectAttributes redirect, Object cmd, Map<String, String> form, String formName,
			Supplier<T> action) {
		if (cmd != null) {
			Set<ConstraintViolation<Object>> violations = validator.validate(cmd);
			if (!violations.isEmpty()) {
				ConstraintViolation<Object> first = violations.stream()
					.min(java.util.Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
				return refuse(redirect, first.getMessageTemplate().replaceAll("^\\{|\\}$", ""),
						first.getPropertyPath().toString(), form, formName);
			}
		}
		try {
			T result = action.get();
			redirect.addFlashAttribute("notice", "party.page.saved");
			return Optional.of(result);
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			return refuse(redirect, ex.messageKey(), ex.field(), form, formName);
		}
	}

	private static <T> Optional<T> refuse(RedirectAttributes redirect, String key, String field,
			Map<String, String> form, String formName) {
		redirect.addFlashAttribute("error", key);
		if (formName != null) {
			redirect.addFlashAttribute(formName, form == null ? Map.of() : new HashMap<>(form));
			redirect.addFlashAttribute("errorField", field);
		}
		return Optional.empty();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Double number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
