package org.gongzhi.party.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.OrganisationReportCmd;
import org.gongzhi.party.OrganisationReportView;
import org.gongzhi.party.ReportStatus;
import org.gongzhi.party.ReviewCmd;
import org.gongzhi.party.domain.OrganisationReports;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 单位党组织报到 through the API: list, report, review. */
@RestController
@Tag(name = "Party dual reporting", description = "双报到")
class OrganisationReportApiController {

	private final OrganisationReports reports;

	OrganisationReportApiController(OrganisationReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/party/org-reports")
	@Operation(summary = "Organisations' reports to communities in the caller's scope (单位党组织报到), pending first")
	List<OrganisationReportView> inbox(@RequestParam(required = false) ReportStatus status,
			@AuthenticationPrincipal GongzhiUser me) {
		return reports.inbox(me, status);
	}

	@PostMapping("/api/v1/party/org-reports")
	@Operation(summary = "Report an employer unit's Party organisation to the community it pairs with")
	ResponseEntity<OrganisationReportView> report(@Valid @RequestBody OrganisationReportCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		OrganisationReportView created = reports.report(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/org-reports/" + created.id())).body(created);
	}

	@PostMapping("/api/v1/party/org-reports/{id}/review")
	@Operation(summary = "Accept or refuse (with a reason) an organisation's report")
	OrganisationReportView review(@PathVariable long id, @Valid @RequestBody ReviewCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		return reports.review(me, id, cmd);
	}

}
