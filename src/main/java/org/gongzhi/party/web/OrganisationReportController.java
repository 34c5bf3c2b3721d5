package org.gongzhi.party.web;


import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.OrganisationReportCmd;
import org.gongzhi.party.ReviewCmd;
import org.gongzhi.party.domain.OrganisationReports;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 单位党组织报到 on the 双报到 page: registering an organisation's report and the community's review; the outcome
 * comes back as a message after the redirect.
 */
@Controller
class OrganisationReportController {

	private final OrganisationReports reports;

	private final FormActions forms;

	OrganisationReportController(OrganisationReports reports, FormActions forms) {
		this.reports = reports;
		this.forms = forms;
	}

	@PostMapping("/party/org-reports")
	String register(@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String communityCode,
			@RequestParam(required = false) String contactName, @RequestParam(required = false) String commitment,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		OrganisationReportCmd cmd = new OrganisationReportCmd(organisationId, communityCode, contactName, commitment);
		forms.act(redirect, cmd, () -> reports.report(me, cmd));
		return "redirect:/party/reports#org-reports";
	}

	@PostMapping("/party/org-reports/{id}/review")
	String review(@PathVariable long id, @RequestParam boolean accept, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		forms.act(redirect, null, () -> reports.review(me, id, new ReviewCmd(accept, reason)));
		return "redirect:/party/reports#org-reports";
	}

}
