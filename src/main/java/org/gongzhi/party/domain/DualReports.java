package org.gongzhi.party.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.MemberView;
import org.gongzhi.party.ReportCmd;
import org.gongzhi.party.ReportStatus;
import org.gongzhi.party.ReportView;
import org.gongzhi.party.ReviewCmd;
import org.gongzhi.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双报到: in-service members report to the community where they live, the community accepts or refuses with a reason,
 * accepted reports expire after gongzhi.party.report-validity (default six months) and are renewed by reporting
 * again; employer organisations see which of their in-service members have not reported.
 */
@Service
public class DualReports {

	private final PartyRepository repository;

	private final Areas areas;

	private final AuditLog audit;

	private final ReportTerm term;

	private final Clock clock = Clock.system(PartyMembers.ZONE);

	DualReports(PartyRepository repository, Areas areas, AuditLog audit,
			@Value("${gongzhi.party.report-validity:P6M}") Period validity) {
		this.repository = repository;
		this.areas = areas;
		this.audit = audit;
		this.term = new ReportTerm(validity);
	}

	@Transactional
	public ReportView report(GongzhiUser me, ReportCmd cmd) {
		PartyRepository.MemberRow member = memberFor(me, cmd.memberId());
		if (!member.inService()) {
			throw DomainException.invalid("memberId", "party.report.notInService");
		}
		AreaView community = areas.find(cmd.communityCode()).filter(a -> a.level() == AreaLevel.COMMUNITY)
			.orElseThrow(() -> DomainException.invalid("communityCode", "party.community.unknown"));
		if (repository.hasPending(member.id())) {
			throw DomainException.conflict("party.report.pending");
		}
		LocalDate today = LocalDate.now(clock);
		if (repository.reportedTo(member.id(), community.code(), today)
				&& !ReportTerm.renewable(repository.validUntil(member.id(), today).orElse(null), today)) {
			throw DomainException.conflict("party.report.stillValid");
		}
		long id = repository.insertReport(member.id(), community.code(), ReportStatus.PENDING.name(), Instant.now(),
				null, null, null, null);
		audit.record("party.report.create", "party-report", String.valueOf(id), member.name() + " → " + community.name());
		return view(repository.reportForUpdate(id).orElseThrow());
	}

	private PartyRepository.MemberRow memberFor(GongzhiUser me, Long memberId) {
		if (memberId == null) {
			return repository.memberOfUser(me.id())
				.orElseThrow(() -> DomainException.invalid("memberId", "party.member.notLinked"));
		}
		PartyRepository.MemberRow member = repository.member(memberId)
			.orElseThrow(() -> DomainException.invalid("memberId", "party.member.unknown"));
		if (member.userId() != null && member.userId() == me.id()) {
			return member;
		}
		if (!PartyAccess.manager(me) || !PartyMembers.visible(me, member)) {
			throw DomainException.forbidden("party.forbidden");
		}
		return member;
	}

	@Transactional
	public ReportView review(GongzhiUser me, long id, ReviewCmd cmd) {
		PartyRepository.ReportRow row = repository.reportForUpdate(id)
			.orElseThrow(() -> DomainException.notFound("party.report.notFound"));
		if (!me.scope().covers(row.communityCode())) {
			throw DomainException.notFound("party.report.notFound");
		}
		PartyAccess.requireManager(me, row.communityCode());
		if (!ReportStatus.PENDING.name().equals(row.status())) {
			throw DomainException.conflict("party.report.reviewed");
		}
		String reason = PartyRepository.blank(cmd.reason());
		if (!cmd.accept() && reason == null) {
			throw DomainException.invalid("reason", "party.reason.required");
		}
		LocalDate today = LocalDate.now(clock);
		repository.review(id, cmd.accept() ? ReportStatus.ACCEPTED.name() : ReportStatus.REFUSED.name(), Instant.now(),
				me.id(), reason, cmd.accept() ? term.expiresOn(today) : null);
		audit.record(cmd.accept() ? "party.report.accept" : "party.report.refuse", "party-report", String.valueOf(id),
				reason == null ? row.memberName() : row.memberName() + "：" + reason);
		return view(repository.reportForUpdate(id).orElseThrow());
	}

	/** The reports to communities in the user's scope (or one community), pending first. */
	@Transactional(readOnly = true)
	public List<ReportView> inbox(GongzhiUser me, String community, ReportStatus status) {
		PartyAccess.requireStaff(me);
		String pattern = PartyAccess.prefix(me);
		if (community != null && !community.isBlank()) {
			PartyAccess.requireScope(me, community.strip());
			pattern = community.strip() + "%";
		}
		LocalDate today = LocalDate.now(clock);
		String stored = status == null ? null : status == ReportStatus.EXPIRED ? ReportStatus.ACCEPTED.name() : status.name();
		return repository.reports(pattern, stored, 500).stream().map(this::view)
			.filter(r -> status == null || r.status() == status)
			.filter(r -> status != ReportStatus.ACCEPTED || !r.expiresOn().isBefore(today))
			.toList();
	}

	/** The signed-in member's reports, newest first. */
	@Transactional(readOnly = true)
	public List<ReportView> mine(GongzhiUser me) {
		return repository.memberOfUser(me.id()).map(m -> repository.reportsOf(m.id()).stream().map(this::view).toList())
			.orElse(List.of());
	}

	/**
	 * In-service members of the organisation and those below it who hold no valid accepted report (未报到): never
	 * reported, waiting, refused or expired. This is the list the employer organisation follows up.
	 */
	@Transactional(readOnly = true)
	public List<MemberView> notReported(GongzhiUser me, long organisationId) {
		PartyAccess.requireStaff(me);
		PartyRepository.OrgRow org = repository.organisation(organisationId)
			.orElseThrow(() -> DomainException.notFound("party.organisation.notFound"));
		PartyAccess.requireScope(me, org.areaCode());
		LocalDate today = LocalDate.now(clock);
		return repository.inServiceMembers(repository.subtree(organisationId)).stream()
			.filter(m -> repository.validUntil(m.id(), today).isEmpty())
			.map(PartyMembers::view).toList();
	}

	ReportView view(PartyRepository.ReportRow r) {
		return new ReportView(r.id(), r.memberId(), r.memberName(), r.employerUnit(), r.organisationName(),
				r.communityCode(), areas.find(r.communityCode()).map(AreaView::name).orElse(r.communityCode()),
				ReportTerm.statusOn(r.status(), r.expiresOn(), LocalDate.now(clock)), r.reportedAt(), r.reviewedAt(),
				r.reason(), r.expiresOn());
	}

}
