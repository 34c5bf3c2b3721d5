package org.gongzhi.party.web;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.EmployerCardRow;
import org.gongzhi.party.Quarter;
import org.gongzhi.party.ServiceCard;
import org.gongzhi.party.ServiceSummaryRow;
import org.gongzhi.party.domain.ServiceCards;
import org.gongzhi.shared.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Party service cards", description = "季度服务卡、单位党组织服务卡、年度服务汇总（评优评先）")
class CardApiController {

	private final ServiceCards cards;

	private final MessageSource messages;

	CardApiController(ServiceCards cards, MessageSource messages) {
		this.cards = cards;
		this.messages = messages;
	}

	@GetMapping("/api/v1/party/members/{id}/service-card")
	@Operation(summary = "A member's quarterly service card (季度服务卡) as pdf or xlsx",
			description = "quarter like 2026Q3; format pdf (default) or xlsx. The member, the secretary of their "
					+ "organisation and managers in scope may download it.")
	ResponseEntity<byte[]> card(@PathVariable long id, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String format, @AuthenticationPrincipal GongzhiUser me, Locale locale) {
		return CardDownloads.card(cards, messages, me, id, quarter, format, locale);
	}

	@GetMapping("/api/v1/party/members/{id}/service-card.json")
	@Operation(summary = "The same card as JSON")
	ServiceCard cardJson(@PathVariable long id, @RequestParam(required = false) String quarter,
			@AuthenticationPrincipal GongzhiUser me) {
		return cards.card(me, id, Quarter.parse(quarter));
	}

	@GetMapping("/api/v1/party/organisations/{id}/service-cards")
	@Operation(summary = "In-service members of an employer organisation with their confirmed hours of the quarter")
	List<EmployerCardRow> employer(@PathVariable long id, @RequestParam(required = false) String quarter,
			@AuthenticationPrincipal GongzhiUser me) {
		return cards.employerRows(me, id, Quarter.parse(quarter));
	}

	@GetMapping("/api/v1/party/organisations/{id}/service-cards.xlsx")
	@Operation(summary = "Every card of an employer organisation in one workbook: a list sheet and a records sheet")
	ResponseEntity<byte[]> employerXlsx(@PathVariable long id, @RequestParam(required = false) String quarter,
			@AuthenticationPrincipal GongzhiUser me, Locale locale) {
		Quarter q = Quarter.parse(quarter);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		cards.employerXlsx(me, id, q, locale, out);
		return CardDownloads.xlsx(out.toByteArray(), messages.getMessage("party.card.listFile",
				new Object[] { cards.organisationName(id), q.toString() }, locale) + ".xlsx",
				"service-cards-" + id + "-" + q + ".xlsx");
	}

	@GetMapping("/api/v1/party/service-summary")
	@Operation(summary = "Yearly service summary for 评优评先, ranked by confirmed hours (paged: items and total)",
			description = "sort by hours (default), records, months, posts or name; dir desc (default) or asc.")
	PageResult<ServiceSummaryRow> summary(@RequestParam int year, @RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) String community, @RequestParam(defaultValue = "hours") String sort,
			@RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal GongzhiUser me) {
		return cards.summary(me, year, organisationId, community, sort, !"asc".equalsIgnoreCase(dir), page,
				PageResult.size(size, 50, 500));
	}

	@GetMapping("/api/v1/party/service-summary.xlsx")
	@Operation(summary = "The yearly service summary as an .xlsx workbook")
	ResponseEntity<byte[]> summaryXlsx(@RequestParam int year, @RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) String community, @RequestParam(defaultValue = "hours") String sort,
			@RequestParam(defaultValue = "desc") String dir, @AuthenticationPrincipal GongzhiUser me, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		cards.summaryXlsx(me, year, organisationId, community, sort, !"asc".equalsIgnoreCase(dir), locale, out);
		return CardDownloads.xlsx(out.toByteArray(),
				messages.getMessage("party.summary.file", new Object[] { String.valueOf(year) }, locale) + ".xlsx",
				"service-summary-" + year + ".xlsx");
	}

}
