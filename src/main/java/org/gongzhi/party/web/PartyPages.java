package org.gongzhi.party.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.CommitteePost;
import org.gongzhi.party.MemberCmd;
import org.gongzhi.party.MemberStatus;
import org.gongzhi.party.MemberView;
import org.gongzhi.party.OrgKind;
import org.gongzhi.party.OrganisationCmd;
import org.gongzhi.party.OrganisationView;
import org.gongzhi.party.PostCmd;
import org.gongzhi.party.PostKind;
import org.gongzhi.party.ReportCmd;
import org.gongzhi.party.ReportStatus;
import org.gongzhi.party.ReviewCmd;
import org.gongzhi.party.ServiceCmd;
import org.gongzhi.party.domain.DualReports;
import org.gongzhi.party.domain.OrganisationReports;
import org.gongzhi.party.domain.Organisations;
import org.gongzhi.party.domain.PartyMembers;
import org.gongzhi.party.domain.ServicePosts;
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
 * The Party-building pages: organisation tree and coverage gaps, member list, public badges, the community's 双报到
 * inbox, service posts, and the member's own reports and posts (made for phones). Refusals come back as a message on
 * the page after the redirect.
 */
@Controller
class PartyPages {

	private final Organisations organisations;

	private final PartyMembers members;

	private final DualReports reports;

	private final ServicePosts posts;

	private final Areas areas;

	private final OrganisationReports orgReports;

	private final FormActions forms;

	PartyPages(Organisations organisations, PartyMembers members, DualReports reports, ServicePosts posts, Areas areas,
			OrganisationReports orgReports, FormActions forms) {
		this.orgReports = orgReports;
		this.forms = forms;
		this.organisations = organisations;
		this.members = members;
		this.reports = reports;
		this.posts = posts;
		this.areas = areas;
	}

	@GetMapping("/party")
	String organisations(@RequestParam(required = false) String area, @RequestParam(required = false) Long org,
			@AuthenticationPrincipal GongzhiUser me, Model model) {
		List<OrganisationView> tree = organisations.tree(me);
		model.addAttribute("orgs", tree);
		model.addAttribute("gaps", organisations.coverage(me, area));
		model.addAttribute("kinds", OrgKind.values());
		model.addAttribute("org", org);
		model.addAttribute("notReported", org == null ? null : reports.notReported(me, org));
		return "party/organisations";
	}

	@PostMapping("/party/organisations")
	String createOrganisation(@RequestParam(required = false) OrgKind kind, @RequestParam String name,
			@RequestParam(required = false) Long parentId, @RequestParam String areaCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termStart,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termEnd,
			@RequestParam(required = false) String secretary, @AuthenticationPrincipal GongzhiUser me,
			RedirectAttributes redirect) {
		OrganisationCmd cmd = new OrganisationCmd(kind, name, parentId, areaCode, termStart, termEnd,
				secretary == null || secretary.isBlank() ? List.of()
						: List.of(new OrganisationCmd.Seat(CommitteePost.SECRETARY, secretary, null)),
				null);
		act(redirect, cmd, () -> organisations.create(me, cmd));
		return "redirect:/party";
	}

	@PostMapping("/party/members")
	String createMember(@RequestParam(required = false) Long organisationId, @RequestParam String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinDate,
			@RequestParam(required = false) MemberStatus status, @RequestParam(defaultValue = "false") boolean inService,
			@RequestParam(required = false) String employerUnit, @RequestParam(required = false) String residenceAddress,
			@RequestParam(required = false) String residenceAreaCode, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String badgePost, @RequestParam(required = false) String badgePromise,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		MemberCmd cmd = new MemberCmd(organisationId, name, joinDate, status, inService, employerUnit, residenceAddress,
				residenceAreaCode, phone, null, badgePost, badgePromise);
		act(redirect, cmd, () -> members.create(me, cmd));
		return "redirect:/party/members?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
	}

	@GetMapping("/party/members")
	String members(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, @AuthenticationPrincipal GongzhiUser me,
			Model model) {
		PageResult<MemberView> result = members.list(me, q, null, page, 30);
		model.addAttribute("result", result);
		model.addAttribute("orgs", organisations.tree(me));
		model.addAttribute("statuses", MemberStatus.values());
		model.addAttribute("q", q);
		return htmx != null ? "party/members :: list" : "party/members";
	}

	@GetMapping("/party/badges")
	String badges(@RequestParam(required = false) String area, Model model) {
		List<AreaView> communities = areas.ofLevel(AreaLevel.COMMUNITY);
		String chosen = area != null && !area.isBlank() ? area.strip()
				: communities.stream().findFirst().map(AreaView::code).orElse(null);
		model.addAttribute("communities", communities);
		model.addAttribute("area", chosen);
		model.addAttribute("grids", chosen == null ? List.of()
				: areas.children(chosen.substring(0, Math.min(chosen.length(), AreaLevel.COMMUNITY.codeLength())))
					.stream().filter(a -> a.level() == AreaLevel.GRID).toList());
		model.addAttribute("badges", chosen == null ? List.of() : organisations.badges(chosen));
		return "party/badges";
	}

	@GetMapping("/party/reports")
	String inbox(@RequestParam(required = false) ReportStatus status, @AuthenticationPrincipal GongzhiUser me,
			Model model) {
		model.addAttribute("reports", reports.inbox(me, null, status));
		model.addAttribute("orgReports", orgReports.inbox(me, status));
		model.addAttribute("orgs", organisations.tree(me));
		model.addAttribute("status", status);
		model.addAttribute("statuses", ReportStatus.values());
		model.addAttribute("communities", communities(me));
		return "party/reports";
	}

	@PostMapping("/party/reports")
	String register(@RequestParam(required = false) Long memberId, @RequestParam String communityCode,
			@RequestParam(defaultValue = "/party/reports") String back, @AuthenticationPrincipal GongzhiUser me,
			RedirectAttributes redirect) {
		ReportCmd cmd = new ReportCmd(memberId, communityCode);
		act(redirect, cmd, () -> reports.report(me, cmd));
		return "redirect:" + (back.equals("/party/mine") ? "/party/mine" : "/party/reports");
	}

	@PostMapping("/party/reports/{id}/review")
	String review(@PathVariable long id, @RequestParam boolean accept, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		ReviewCmd cmd = new ReviewCmd(accept, reason);
		act(redirect, cmd, () -> reports.review(me, id, cmd));
		return "redirect:/party/reports";
	}

	@GetMapping("/party/posts")
	String posts(@RequestParam(required = false) String community, @AuthenticationPrincipal GongzhiUser me,
			Model model) {
		List<AreaView> communities = communities(me);
		String chosen = community != null && !community.isBlank() ? community.strip()
				: communities.stream().findFirst().map(AreaView::code).orElse(null);
		model.addAttribute("communities", communities);
		model.addAttribute("community", chosen);
		model.addAttribute("kinds", PostKind.values());
		model.addAttribute("posts", chosen == null ? List.of() : posts.posts(me, chosen));
		model.addAttribute("unclaimed", chosen == null ? List.of() : posts.withoutPost(me, chosen));
		model.addAttribute("services", chosen == null ? List.of() : posts.records(me, chosen));
		return "party/posts";
	}

	@PostMapping("/party/posts")
	String publish(@RequestParam String communityCode, @RequestParam(required = false) PostKind kind,
			@RequestParam String title, @RequestParam(required = false) String skills,
			@RequestParam(required = false) Integer headcount, @RequestParam(required = false) String description,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		PostCmd cmd = new PostCmd(communityCode, kind, title, skills, headcount, description);
		act(redirect, cmd, () -> posts.publish(me, cmd));
		return "redirect:/party/posts?community=" + communityCode;
	}

	@PostMapping("/party/posts/{id}/claim")
	String claim(@PathVariable long id, @RequestParam(required = false) Long memberId,
			@RequestParam(required = false) String community, @AuthenticationPrincipal GongzhiUser me,
			RedirectAttributes redirect) {
		act(redirect, null, () -> posts.claim(me, id, memberId));
		return community == null ? "redirect:/party/mine" : "redirect:/party/posts?community=" + community;
	}

	/** Staff assign a reported member to one of the community's posts (认岗 on the member's behalf). */
	@PostMapping("/party/posts/assign")
	String assign(@RequestParam long post, @RequestParam long memberId, @RequestParam String community,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		act(redirect, null, () -> posts.claim(me, post, memberId));
		return "redirect:/party/posts?community=" + community;
	}

	@PostMapping("/party/claims/{id}/services")
	String record(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate servedOn,
			@RequestParam(required = false) BigDecimal hours, @RequestParam(required = false) String what,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		ServiceCmd cmd = new ServiceCmd(servedOn, hours, what);
		act(redirect, cmd, () -> posts.record(me, id, cmd));
		return "redirect:/party/mine";
	}

	@PostMapping("/party/services/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam boolean confirmed, @RequestParam String community,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		act(redirect, null, () -> posts.confirm(me, id, confirmed));
		return "redirect:/party/posts?community=" + community;
	}

	@GetMapping("/party/mine")
	String mine(@AuthenticationPrincipal GongzhiUser me, Model model) {
		model.addAttribute("member", members.mine(me).orElse(null));
		model.addAttribute("reports", reports.mine(me));
		model.addAttribute("posts", posts.posts(me, null));
		model.addAttribute("services", posts.records(me, null).stream()
			.filter(s -> members.mine(me).map(m -> m.id() == s.memberId()).orElse(false)).toList());
		model.addAttribute("communities", areas.ofLevel(AreaLevel.COMMUNITY));
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		return "party/mine";
	}

	private List<AreaView> communities(GongzhiUser me) {
		return areas.ofLevel(AreaLevel.COMMUNITY).stream().filter(c -> me.scope().covers(c.code())).toList();
	}

	private void act(RedirectAttributes redirect, Object cmd, Runnable action) {
		forms.act(redirect, cmd, action);
	}

}
