package org.gongzhi.party.web;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.party.LeaderAssignmentCmd;
import org.gongzhi.party.LeaderContactView;
import org.gongzhi.party.LeaderIssueCmd;
import org.gongzhi.party.LeaderVisitCmd;
import org.gongzhi.party.domain.LeaderContacts;
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
 * The leaders' contact page (领导联系社区): the board of communities with their leaders, last visit and open issues,
 * and one community's record with the forms to assign a leader, record a visit, take up and close an issue.
 */
@Controller
class LeaderPages {

	private final LeaderContacts contacts;

	private final FormActions forms;

	LeaderPages(LeaderContacts contacts, FormActions forms) {
		this.contacts = contacts;
		this.forms = forms;
	}

	@GetMapping("/party/leaders")
	String board(@RequestParam(required = false) String community, @AuthenticationPrincipal GongzhiUser me,
			Model model) {
		List<LeaderContactView> board = contacts.board(me);
		model.addAttribute("board", board);
		model.addAttribute("visitDays", contacts.visitDays());
		model.addAttribute("community", community);
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		model.addAttribute("manager", me.hasAny(Role.SYSTEM_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_STAFF,
				Role.PARTY_SECRETARY));
		if (community != null && !community.isBlank()) {
			LeaderContactView.Detail detail = contacts.detail(me, community.strip());
			model.addAttribute("detail", detail);
			model.addAttribute("candidates", contacts.assignableLeaders(me, community.strip()));
			List<LeaderContactView.Assignment> actable = detail.summary().leaders().stream()
				.filter(LeaderContactView.Assignment::active)
				.filter(a -> a.leaderUserId() != null && a.leaderUserId() == me.id() || me.hasAny(Role.SYSTEM_ADMIN,
						Role.STREET_ADMIN, Role.COMMUNITY_STAFF, Role.PARTY_SECRETARY))
				.toList();
			model.addAttribute("actable", actable);
			model.addAttribute("actableIds", actable.stream().map(LeaderContactView.Assignment::id)
				.collect(java.util.stream.Collectors.toSet()));
		}
		return "party/leaders";
	}

	@PostMapping("/party/leaders/assignments")
	String assign(@RequestParam String communityCode, @RequestParam(required = false) Long leaderUserId,
			@RequestParam(required = false) String leaderName, @RequestParam(required = false) String leaderPost,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		LeaderAssignmentCmd cmd = new LeaderAssignmentCmd(communityCode, leaderUserId, leaderName, leaderPost, startsOn,
				endsOn);
		act(redirect, cmd, () -> contacts.assign(me, cmd));
		return back(communityCode);
	}

	@PostMapping("/party/leaders/assignments/{id}/end")
	String end(@PathVariable long id, @RequestParam String community, @AuthenticationPrincipal GongzhiUser me,
			RedirectAttributes redirect) {
		act(redirect, null, () -> contacts.end(me, id));
		return back(community);
	}

	@PostMapping("/party/leaders/visits")
	String visit(@RequestParam(required = false) Long assignmentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
			@RequestParam(required = false) String peopleMet, @RequestParam(required = false) String discussed,
			@RequestParam String community, @AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		LeaderVisitCmd cmd = new LeaderVisitCmd(assignmentId, visitedOn, peopleMet, discussed);
		act(redirect, cmd, () -> contacts.visit(me, cmd));
		return back(community);
	}

	@PostMapping("/party/leaders/issues")
	String takeUp(@RequestParam(required = false) Long assignmentId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String detail, @RequestParam(required = false) String caseNo,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam String community, @AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		LeaderIssueCmd cmd = new LeaderIssueCmd(assignmentId, title, detail, caseNo, dueOn);
		act(redirect, cmd, () -> contacts.takeUp(me, cmd));
		return back(community);
	}

	@PostMapping("/party/leaders/issues/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String result, @RequestParam String community,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		act(redirect, null, () -> contacts.close(me, id, result));
		return back(community);
	}

	private static String back(String community) {
		return "redirect:/party/leaders?community=" + community.replaceAll("[^0-9]", "");
	}

	private void act(RedirectAttributes redirect, Object cmd, Supplier<?> action) {
		forms.act(redirect, cmd, action);
	}

}
