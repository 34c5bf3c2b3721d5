package org.gongzhi.party.web;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.OrganisationView;
import org.gongzhi.party.Quarter;
import org.gongzhi.party.domain.ServiceCards;
import org.gongzhi.shared.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The service card page (服务卡与年度汇总): an employer organisation's in-service members with their hours of a
 * quarter and a card download each, one workbook of all its cards, and the yearly summary for 评优评先; plus the card
 * download the member list and the member's own page link to.
 */
@Controller
class CardPages {

	private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

	private final ServiceCards cards;

	private final MessageSource messages;

	private final Areas areas;

	CardPages(ServiceCards cards, MessageSource messages, Areas areas) {
		this.cards = cards;
		this.messages = messages;
		this.areas = areas;
	}

	@GetMapping("/party/cards")
	String cards(@RequestParam(required = false) String quarter, @RequestParam(required = false) Long org,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Long summaryOrg,
			@RequestParam(required = false) String community, @RequestParam(defaultValue = "hours") String sort, @RequestParam(defaultValue = "desc") String dir,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal GongzhiUser me, Model model) {
		cards.requirePageAccess(me);
		LocalDate today = LocalDate.now(ZONE);
		Quarter q = quarter == null || quarter.isBlank() ? Quarter.of(today) : Quarter.parse(quarter);
		List<OrganisationView> employers = cards.employers(me);
		Long chosen = org != null ? org : employers.stream().findFirst().map(OrganisationView::id).orElse(null);
		int y = year == null ? today.getYear() : year;
		boolean desc = !"asc".equalsIgnoreCase(dir);
		model.addAttribute("quarter", q);
		model.addAttribute("quarters", quarters(today, 8));
		model.addAttribute("employers", employers);
		model.addAttribute("org", chosen);
		model.addAttribute("rows", chosen == null ? List.of() : cards.employerRows(me, chosen, q));
		model.addAttribute("year", y);
		model.addAttribute("years", List.of(today.getYear(), today.getYear() - 1, today.getYear() - 2));
		model.addAttribute("summaryOrg", summaryOrg);
		String chosenCommunity = community == null || community.isBlank() ? null : community.strip();
		model.addAttribute("community", chosenCommunity);
		model.addAttribute("communities", areas.ofLevel(AreaLevel.COMMUNITY).stream()
			.filter(c -> me.scope().covers(c.code())).toList());
		model.addAttribute("sort", sort);
		model.addAttribute("sorts", List.of("hours", "records", "months", "posts", "name"));
		model.addAttribute("dir", desc ? "desc" : "asc");
		model.addAttribute("threshold", cards.excellenceHours());
		model.addAttribute("summary", employers.isEmpty() && summaryOrg == null
				? new PageResult<>(List.of(), 0, 30, 0) : cards.summary(me, y, summaryOrg, chosenCommunity, sort, desc, page, 30));
		return htmx != null ? "party/cards :: summary" : "party/cards";
	}

	@GetMapping("/party/members/{id}/service-card")
	ResponseEntity<byte[]> card(@PathVariable long id, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String format, @AuthenticationPrincipal GongzhiUser me, Locale locale) {
		String q = quarter == null || quarter.isBlank() ? Quarter.of(LocalDate.now(ZONE)).toString() : quarter;
		return CardDownloads.card(cards, messages, me, id, q, format, locale);
	}

	@GetMapping("/party/cards/organisations/{id}")
	ResponseEntity<byte[]> employerXlsx(@PathVariable long id, @RequestParam String quarter,
			@AuthenticationPrincipal GongzhiUser me, Locale locale) {
		Quarter q = Quarter.parse(quarter);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		cards.employerXlsx(me, id, q, locale, out);
		return CardDownloads.xlsx(out.toByteArray(), messages.getMessage("party.card.listFile",
				new Object[] { cards.organisationName(id), q.toString() }, locale) + ".xlsx",
				"service-cards-" + id + "-" + q + ".xlsx");
	}

	@GetMapping("/party/cards/summary")
	ResponseEntity<byte[]> summaryXlsx(@RequestParam int year, @RequestParam(required = false) Long summaryOrg,
			@RequestParam(required = false) String community, @RequestParam(defaultValue = "hours") String sort, @RequestParam(defaultValue = "desc") String dir,
			@AuthenticationPrincipal GongzhiUser me, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		cards.summaryXlsx(me, year, summaryOrg, community == null || community.isBlank() ? null : community.strip(), sort, !"asc".equalsIgnoreCase(dir), locale, out);
		return CardDownloads.xlsx(out.toByteArray(),
				messages.getMessage("party.summary.file", new Object[] { String.valueOf(year) }, locale) + ".xlsx",
				"service-summary-" + year + ".xlsx");
	}

	static List<Quarter> quarters(LocalDate today, int n) {
		List<Quarter> list = new ArrayList<>();
		Quarter q = Quarter.of(today);
		for (int i = 0; i < n; i++) {
			list.add(q);
			q = q.previous();
		}
		return list;
	}

}
