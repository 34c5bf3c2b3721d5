package org.gongzhi.party.domain;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.party.EmployerCardRow;
import org.gongzhi.party.OrganisationView;
import org.gongzhi.party.Quarter;
import org.gongzhi.party.ReportStatus;
import org.gongzhi.party.ServiceCard;
import org.gongzhi.party.ServiceSummaryRow;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly service cards (季度服务卡) that go back to the employer organisation, the employer organisation's list of
 * its in-service members with their hours, and the yearly summary (年度服务汇总) that feeds 评优评先. Managers and
 * leaders read inside their data scope, the secretary of an employer organisation reads its members, and a member
 * reads their own card; everyone else is refused.
 */
@Service
public class ServiceCards {

	private final PartyRepository party;

	private final CardRepository cards;

	private final Areas areas;

	private final AuditLog audit;

	private final MessageSource messages;

	private final BigDecimal excellenceHours;

	ServiceCards(PartyRepository party, CardRepository cards, Areas areas, AuditLog audit, MessageSource messages,
			@Value("${gongzhi.party.excellence-hours:24}") BigDecimal excellenceHours) {
		this.party = party;
		this.cards = cards;
		this.areas = areas;
		this.audit = audit;
		this.messages = messages;
		this.excellenceHours = excellenceHours;
	}

	/** The hours of confirmed service in a year from which a member is proposed for 评优评先. */
	public BigDecimal excellenceHours() {
		return excellenceHours;
	}

	/** One member's card for the quarter; refused (403) to anyone but the member, their secretary and managers. */
	@Transactional(readOnly = true)
	public ServiceCard card(GongzhiUser me, long memberId, Quarter quarter) {
		PartyRepository.MemberRow member = party.member(memberId)
			.orElseThrow(() -> DomainException.notFound("party.member.notFound"));
		requireReader(me, member);
		return build(member, quarter);
	}

	/** Writes the card as a PDF and notes the download in the audit trail. */
	@Transactional
	public ServiceCard pdf(GongzhiUser me, long memberId, Quarter quarter, Locale locale, OutputStream out) {
		ServiceCard card = card(me, memberId, quarter);
		new ServiceCardPdf(messages, locale).write(card, out);
		audit.record("party.card.export", "party-member", String.valueOf(memberId), quarter + " pdf");
		return card;
	}

	/** Writes the card as an .xlsx workbook and notes the download in the audit trail. */
	@Transactional
	public ServiceCard xlsx(GongzhiUser me, long memberId, Quarter quarter, Locale locale, OutputStream out) {
		ServiceCard card = card(me, memberId, quarter);
		new ServiceCardExcel(messages, locale).card(card, out);
		audit.record("party.card.export", "party-member", String.valueOf(memberId), quarter + " xlsx");
		return card;
	}

	/** Refuses the cards page to users who are neither managers, leaders nor the secretary of an organisation. */
	@Transactional(readOnly = true)
	public void requirePageAccess(GongzhiUser me) {
		if (!reader(me) && led(me).isEmpty()) {
			throw DomainException.forbidden("party.card.forbidden");
		}
	}

	/** The organisations whose cards the user may take: those in scope with in-service members, and those they lead. */
	@Transactional(readOnly = true)
	public List<OrganisationView> employers(GongzhiUser me) {
		Set<Long> ids = new LinkedHashSet<>();
		if (reader(me)) {
			ids.addAll(cards.employerOrganisations(PartyAccess.prefix(me)));
		}
		ids.addAll(led(me));
		return ids.stream().map(party::organisation).flatMap(java.util.Optional::stream)
			.sorted(Comparator.comparing(PartyRepository.OrgRow::name))
			.map(o -> new OrganisationView(o.id(), o.parentId(), o.kind(), o.name(), o.areaCode(),
					areaName(o.areaCode()), o.termStart(), o.termEnd(), o.memberCount(), List.of(), List.of()))
			.toList();
	}

	/** In-service members of the organisation and those below it, with their hours of the quarter. */
	@Transactional(readOnly = true)
	public List<EmployerCardRow> employerRows(GongzhiUser me, long organisationId, Quarter quarter) {
		List<PartyRepository.MemberRow> members = employerMembers(me, organisationId);
		Map<Long, CardRepository.Totals> totals = cards.totals(members.stream().map(PartyRepository.MemberRow::id)
			.toList(), quarter.firstDay(), quarter.lastDay());
		LocalDate today = today();
		return members.stream().map(m -> {
			CardRepository.Totals t = totals.getOrDefault(m.id(), new CardRepository.Totals(BigDecimal.ZERO, 0, 0));
			return new EmployerCardRow(m.id(), m.name(), m.organisationName(), m.employerUnit(), t.hours(),
					t.records(), t.pending(), ReportTerm.statusOn(m.reportStatus(), m.reportExpiresOn(), today));
		}).toList();
	}

	/** Writes every in-service member's card of the organisation into one workbook: a list and the records. */
	@Transactional
	public void employerXlsx(GongzhiUser me, long organisationId, Quarter quarter, Locale locale, OutputStream out) {
		List<ServiceCard> all = employerMembers(me, organisationId).stream().map(m -> build(m, quarter)).toList();
		String name = party.organisation(organisationId).map(PartyRepository.OrgRow::name).orElse("");
		new ServiceCardExcel(messages, locale).cards(name, quarter, all, out);
		audit.record("party.card.exportAll", "party-organisation", String.valueOf(organisationId),
				quarter + " " + all.size());
	}

	/** The organisation's name, for file names. */
	@Transactional(readOnly = true)
	public String organisationName(long organisationId) {
		return party.organisation(organisationId).map(PartyRepository.OrgRow::name).orElse("");
	}

	/**
	 * The yearly summary of confirmed service, ranked by hours; filtered by organisation (with those below it) and
	 * community, sorted by hours, records, months, posts or name.
	 */
	@Transactional(readOnly = true)
	public PageResult<ServiceSummaryRow> summary(GongzhiUser me, int year, Long organisationId, String community,
			String sort, boolean descending, int page, int size) {
		if (year < 2000 || year > 2100) {
			throw DomainException.invalid("year", "party.summary.year.invalid");
		}
		String pattern;
		List<Long> orgs = null;
		if (organisationId != null) {
			PartyRepository.OrgRow org = party.organisation(organisationId)
				.orElseThrow(() -> DomainException.notFound("party.organisation.notFound"));
			if (led(me).contains(organisationId)) {
				pattern = "%";
			}
			else {
				requireReaderRole(me);
				PartyAccess.requireScope(me, org.areaCode());
				pattern = PartyAccess.prefix(me);
			}
			orgs = party.subtree(organisationId);
		}
		else {
			requireReaderRole(me);
			pattern = PartyAccess.prefix(me);
		}
		String c = community == null || community.isBlank() ? null : community.strip();
		if (c != null && !me.scope().covers(c) && organisationId == null) {
			throw DomainException.forbidden("party.outOfScope");
		}
		int from = Math.max(0, page) * size;
		LocalDate first = LocalDate.of(year, 1, 1);
		List<CardRepository.SummaryRow> rows = cards.summary(pattern, first, first.plusYears(1).minusDays(1), orgs, c,
				sort, descending, from, size);
		LocalDate today = today();
		long total = rows.isEmpty() ? (from == 0 ? 0 : cards.summary(pattern, first, first.plusYears(1).minusDays(1),
				orgs, c, sort, descending, 0, 1).stream().findFirst().map(CardRepository.SummaryRow::total).orElse(0L))
				: rows.get(0).total();
		return new PageResult<>(rows.stream()
			.map(r -> new ServiceSummaryRow(r.rank(), r.memberId(), r.name(), r.organisationName(), r.employerUnit(),
					r.hours(), r.records(), r.posts(), r.months(),
					ReportTerm.statusOn(r.reportStatus(), r.reportExpires(), today), r.reportExpires(),
					r.hours().compareTo(excellenceHours) >= 0))
			.toList(), Math.max(0, page), size, total);
	}

	/** The whole yearly summary (up to 10,000 members) as an .xlsx workbook. */
	@Transactional
	public void summaryXlsx(GongzhiUser me, int year, Long organisationId, String community, String sort,
			boolean descending, Locale locale, OutputStream out) {
		PageResult<ServiceSummaryRow> all = summary(me, year, organisationId, community, sort, descending, 0, 10_000);
		new ServiceCardExcel(messages, locale).summary(year, excellenceHours, all.items(), out);
		audit.record("party.summary.export", "party-summary", String.valueOf(year),
				organisationId == null ? "" : "org " + organisationId);
	}

	private ServiceCard build(PartyRepository.MemberRow m, Quarter quarter) {
		LocalDate today = today();
		List<CardRepository.CardRecord> records = cards.records(m.id(), quarter.firstDay(), quarter.lastDay());
		List<ServiceCard.Entry> entries = new ArrayList<>();
		BigDecimal hours = BigDecimal.ZERO;
		int pending = 0;
		int rejected = 0;
		LocalDate lastConfirmed = null;
		for (CardRepository.CardRecord r : records) {
			switch (r.status()) {
				case "CONFIRMED" -> {
					entries.add(new ServiceCard.Entry(r.servedOn(), r.postTitle(), areaName(r.communityCode()),
							r.hours(), r.what(), r.confirmedOn()));
					hours = hours.add(r.hours());
					if (r.confirmedOn() != null && (lastConfirmed == null || r.confirmedOn().isAfter(lastConfirmed))) {
						lastConfirmed = r.confirmedOn();
					}
				}
				case "PENDING" -> pending++;
				default -> rejected++;
			}
		}
		List<String> posts = cards.posts(m.id()).stream().map(p -> p[0] + "（" + areaName(p[1]) + "）").toList();
		ReportStatus status = ReportTerm.statusOn(m.reportStatus(), m.reportExpiresOn(), today);
		return new ServiceCard(m.id(), m.name(), m.organisationName(), m.employerUnit(), quarter, m.reportCommunity(),
				areaName(m.reportCommunity()), status, m.reportExpiresOn(), posts, entries, hours, pending, rejected,
				lastConfirmed, today);
	}

	private List<PartyRepository.MemberRow> employerMembers(GongzhiUser me, long organisationId) {
		PartyRepository.OrgRow org = party.organisation(organisationId)
			.orElseThrow(() -> DomainException.notFound("party.organisation.notFound"));
		if (!led(me).contains(organisationId)) {
			requireReaderRole(me);
			PartyAccess.requireScope(me, org.areaCode());
		}
		return party.inServiceMembers(party.subtree(organisationId));
	}

	private void requireReader(GongzhiUser me, PartyRepository.MemberRow member) {
		if (member.userId() != null && member.userId() == me.id()) {
			return;
		}
		if (reader(me) && PartyMembers.visible(me, member)) {
			return;
		}
		if (led(me).contains(member.organisationId())) {
			return;
		}
		throw DomainException.forbidden("party.card.forbidden");
	}

	private static boolean reader(GongzhiUser me) {
		return (PartyAccess.manager(me) || me.has(Role.LEADER)) && PartyAccess.staff(me);
	}

	private static void requireReaderRole(GongzhiUser me) {
		if (!reader(me)) {
			throw DomainException.forbidden("party.card.forbidden");
		}
	}

	/**
	 * The organisations the user leads as secretary (and those below them): a Party secretary seated as secretary
	 * of an organisation's committee under their own name, or whose member record belongs to the organisation.
	 */
	private Set<Long> led(GongzhiUser me) {
		if (!me.has(Role.PARTY_SECRETARY)) {
			return Set.of();
		}
		Set<Long> roots = new LinkedHashSet<>(cards.organisationsWithSecretary(personName(me.displayName())));
		party.memberOfUser(me.id()).ifPresent(m -> roots.add(m.organisationId()));
		Set<Long> all = new LinkedHashSet<>();
		roots.forEach(r -> all.addAll(party.subtree(r)));
		return all;
	}

	/** A display name without its role note, e.g. the name before a bracketed role. */
	static String personName(String displayName) {
		if (displayName == null) {
			return "";
		}
		int bracket = displayName.indexOf('（');
		if (bracket < 0) {
			bracket = displayName.indexOf('(');
		}
		return (bracket < 0 ? displayName : displayName.substring(0, bracket)).strip();
	}

	private String areaName(String code) {
		if (code == null) {
			return null;
		}
		return areas.find(code).map(AreaView::name).orElse(code);
	}

	private static LocalDate today() {
		return LocalDate.now(PartyMembers.ZONE);
	}

}
