package org.gongzhi.party.web;

import java.time.LocalDate;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.MemberCmd;
import org.gongzhi.party.MemberStatus;
import org.gongzhi.party.MemberView;
import org.gongzhi.party.domain.Organisations;
import org.gongzhi.party.domain.PartyMembers;
import org.gongzhi.shared.DomainException;
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
 * Changing a Party member's record in the browser (organisation, standing, employer, residence, phone, badge): the
 * form comes filled with the record, the masked phone stays as it is unless a new number is typed, and a refusal
 * shows its message above the form with the input kept.
 */
@Controller
class MemberEditController {

	private final PartyMembers members;

	private final Organisations organisations;

	private final FormActions forms;

	MemberEditController(PartyMembers members, Organisations organisations, FormActions forms) {
		this.members = members;
		this.organisations = organisations;
		this.forms = forms;
	}

	@GetMapping("/party/members/{id}/edit")
	String form(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me, Model model) {
		MemberView m = members.get(me, id);
		if (!model.containsAttribute("cmd")) {
			model.addAttribute("cmd", new MemberCmd(m.organisationId(), m.name(), m.joinDate(), m.status(),
					m.inService(), m.employerUnit(), m.residenceAddress(), m.residenceAreaCode(), m.phoneMasked(),
					m.userId(), m.badgePost(), m.badgePromise()));
		}
		model.addAttribute("member", m);
		model.addAttribute("orgs", organisations.tree(me));
		model.addAttribute("statuses", MemberStatus.values());
		return "party/member-edit";
	}

	@PostMapping("/party/members/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinDate,
			@RequestParam(required = false) MemberStatus status, @RequestParam(defaultValue = "false") boolean inService,
			@RequestParam(required = false) String employerUnit, @RequestParam(required = false) String residenceAddress,
			@RequestParam(required = false) String residenceAreaCode, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String badgePost, @RequestParam(required = false) String badgePromise,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		MemberView current = members.get(me, id);
		MemberCmd cmd = new MemberCmd(organisationId, name, joinDate, status, inService, employerUnit,
				residenceAddress, residenceAreaCode, phone, current.userId(), badgePost, badgePromise);
		String error = forms.violation(cmd);
		if (error == null) {
			try {
				members.update(me, id, cmd);
				redirect.addFlashAttribute("notice", "party.page.saved");
				return "redirect:/party/members?q=" + java.net.URLEncoder.encode(cmd.name().strip(),
						java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (DomainException ex) {
				if (ex.status().value() == 404) {
					throw ex;
				}
				error = ex.messageKey();
			}
		}
		redirect.addFlashAttribute("error", error);
		redirect.addFlashAttribute("cmd", cmd);
		return "redirect:/party/members/" + id + "/edit";
	}

}
