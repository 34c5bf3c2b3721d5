package org.gongzhi.people.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.PeopleGroups;
import org.gongzhi.people.RegistrationStatus;
import org.gongzhi.people.ReportedCase;
import org.gongzhi.people.ResidentCard;
import org.gongzhi.people.ResidentImports;
import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.ResidentSort;
import org.gongzhi.people.Residents;
import org.gongzhi.shared.PageResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The resident pages (实有人口): the scoped list with its filters and the one search box, the export of the filtered
 * list, and the person card (人员档案) with the reveal of the full numbers for users granted it.
 */
@Controller
class ResidentPages {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Residents residents;

	private final PeopleGroups groups;

	private final ResidentImports imports;

	private final PeoplePageSupport support;

	ResidentPages(Residents residents, PeopleGroups groups, ResidentImports imports, PeoplePageSupport support) {
		this.residents = residents;
		this.groups = groups;
		this.imports = imports;
		this.support = support;
	}

	/**
	 * The list filters and the order as the form and the links send them.
	 *
	 * @param sort community, name, age or updated; blank for the default order
	 * @param dir asc or desc
	 */
	record Filters(String q, String community, String grid, RegistrationStatus status, String group,
			Boolean separated, String sort, String dir) {

		public ResidentQuery query(int page, int size) {
			return new ResidentQuery(PeoplePageSupport.blank(q), PeoplePageSupport.blank(community),
					PeoplePageSupport.blank(grid), status, PeoplePageSupport.blank(group), separated, null, page, size,
					ResidentSort.parse(sort), descending());
		}

		public boolean descending() {
			return "desc".equalsIgnoreCase(dir);
		}

		/** The sort in effect, or null for the default order. */
		public ResidentSort order() {
			return ResidentSort.parse(sort);
		}

		/** The direction a column header's link asks for: the reverse of the current one for the sorted column. */
		public String nextDir(String column) {
			return order() != null && order().param().equals(column) && !descending() ? "desc" : "asc";
		}

		/** The aria-sort value of a column header. */
		public String ariaSort(String column) {
			if (order() == null || !order().param().equals(column)) {
				return "none";
			}
			return descending() ? "descending" : "ascending";
		}

		public boolean any() {
			return PeoplePageSupport.blank(q) != null || PeoplePageSupport.blank(community) != null
					|| PeoplePageSupport.blank(grid) != null || status != null
					|| PeoplePageSupport.blank(group) != null || separated != null;
		}

	}

	@GetMapping("/people")
	String list(@ModelAttribute("filters") Filters filters, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal GongzhiUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("result",
				residents.search(me, filters.query(Math.max(0, page), PageResult.size(size, 20, 100))));
		if (htmx != null) {
			return "people/list :: results";
		}
		model.addAttribute("communities", support.communities(me));
		model.addAttribute("groups", groups.groups(me));
		model.addAttribute("statuses", RegistrationStatus.values());
		model.addAttribute("canImport", imports.canImport(me));
		model.addAttribute("canReveal", groups.canReveal(me));
		model.addAttribute("sorts", ResidentSort.values());
		model.addAttribute("canEdit", residents.canEdit(me));
		return "people/list";
	}

	/** The filtered list as an .xlsx workbook, numbers masked. */
	@GetMapping("/people/export")
	ResponseEntity<byte[]> export(@ModelAttribute Filters filters, @AuthenticationPrincipal GongzhiUser me) {
		return workbook(me, filters, false);
	}

	/** The filtered list with full numbers, for users granted it (confirmed on the page; audit-logged). */
	@PostMapping("/people/export")
	ResponseEntity<byte[]> exportUnmasked(@ModelAttribute Filters filters, @AuthenticationPrincipal GongzhiUser me) {
		return workbook(me, filters, true);
	}

	private ResponseEntity<byte[]> workbook(GongzhiUser me, Filters filters, boolean unmasked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		residents.export(me, filters.query(0, 100_000), unmasked, out);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(support.text("people.page.export.file") + ".xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(out.toByteArray());
	}

	@GetMapping("/people/{id:\\d+}")
	String card(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me, Model model) {
		ResidentCard card = residents.card(me, id);
		model.addAttribute("card", card);
		model.addAttribute("r", card.resident());
		return "people/card";
	}

	/** Every case the resident reported, newest first, 20 to a page (the card lists the newest five). */
	@GetMapping("/people/{id:\\d+}/cases")
	String cases(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal GongzhiUser me, Model model) {
		PageResult<ReportedCase> result = residents.reportedCases(me, id, Math.max(0, page), 20);
		model.addAttribute("result", result);
		model.addAttribute("r", residents.card(me, id).resident());
		return "people/cases";
	}

	/**
	 * Shows the full ID and phone numbers once (the backend checks the grant and audit-logs it). The answer is the page
	 * itself, not a redirect, so the numbers are never kept in the session for a redirect.
	 */
	@PostMapping("/people/{id:\\d+}/reveal")
	String reveal(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("revealed", residents.reveal(me, id));
		card(id, me, model);
		return htmx != null ? "people/card :: numbers" : "people/card";
	}

}
