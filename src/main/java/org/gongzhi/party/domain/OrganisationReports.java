package org.gongzhi.party.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.OrganisationReportCmd;
import org.gongzhi.party.OrganisationReportView;
import org.gongzhi.party.ReportStatus;
import org.gongzhi.party.ReviewCmd;
import org.gongzhi.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双报到 of organisations (单位党组织到社区报到): a manager who reaches the employer unit's organisation reports it to
 * the community it pairs with, with a contact and a commitment; the community accepts or refuses with a reason, and
 * an acceptance expires after the same period as a member's report and is renewed by reporting again.
 */
@Service
public class OrganisationReports {

	private static final String SELECT = """
			select r.id, r.organisation_id, o.name as org_name, r.community_code, r.contact_name, r.commitment, r.status,
			       r.reported_at, r.reviewed_at, r.reason, r.expires_on
			  from party.organisation_report r join party.organisation o on o.id = r.organisation_id
			""";

	private final JdbcClient jdbc;

	private final PartyRepository repository;

	private final Areas areas;

	private final AuditLog audit;

	private final ReportTerm term;

	private final Clock clock = Clock.system(PartyMembers.ZONE);

	OrganisationReports(JdbcClient jdbc, PartyRepository repository, Areas areas, AuditLog audit,
			@Value("${gongzhi.party.report-validity:P6M}") Period validity) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.areas = areas;
		this.audit = audit;
		this.term = new ReportTerm(validity);
	}

	@Transactional
	public OrganisationReportView report(GongzhiUser me, OrganisationReportCmd cmd) {
		PartyRepository.OrgRow org = repository.organisation(cmd.organisationId())
			.orElseThrow(() -> DomainException.invalid("organisationId", "party.organisation.unknown"));
		PartyAccess.requireManager(me, org.areaCode());
		AreaView community = areas.find(cmd.communityCode().strip()).filter(a -> a.level() == AreaLevel.COMMUNITY)
			.orElseThrow(() -> DomainException.invalid("communityCode", "party.community.unknown"));
		LocalDate today = LocalDate.now(clock);
		Optional<LocalDate> valid = jdbc.sql("""
				select max(expires_on) from party.organisation_report
				 where organisation_id = :o and community_code = :c and status = 'ACCEPTED' and expires_on >= :today
				""").param("o", org.id()).param("c", community.code()).param("today", today)
			.query((rs, n) -> Optional.ofNullable(rs.getDate(1)).map(Date::toLocalDate)).single();
		if (valid.isPresent() && !ReportTerm.renewable(valid.get(), today)) {
			throw DomainException.conflict("party.report.stillValid");
		}
		long id;
		try {
			id = insert(org.id(), community.code(), cmd.contactName().strip(), cmd.commitment().strip(),
					ReportStatus.PENDING, Instant.now(), me.id(), null);
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			throw DomainException.conflict("party.report.pending");
		}
		audit.record("party.orgReport.create", "party-org-report", String.valueOf(id),
				org.name() + " → " + community.name());
		return get(id).orElseThrow();
	}

	@Transactional
	public OrganisationReportView review(GongzhiUser me, long id, ReviewCmd cmd) {
		OrganisationReportView row = jdbc.sql(SELECT + " where r.id = :id for update of r").param("id", id)
			.query(this::view).optional().filter(r -> me.scope().covers(r.communityCode()))
			.orElseThrow(() -> DomainException.notFound("party.report.notFound"));
		PartyAccess.requireManager(me, row.communityCode());
		if (row.status() != ReportStatus.PENDING) {
			throw DomainException.conflict("party.report.reviewed");
		}
		String reason = PartyRepository.blank(cmd.reason());
		if (!cmd.accept() && reason == null) {
			throw DomainException.invalid("reason", "party.reason.required");
		}
		jdbc.sql("""
				update party.organisation_report set status = :status, reviewed_at = :at, reviewed_by = :by,
				       reason = :reason, expires_on = :expires where id = :id
				""").param("status", cmd.accept() ? "ACCEPTED" : "REFUSED").param("at", Timestamp.from(Instant.now()))
			.param("by", me.id()).param("reason", reason)
			.param("expires", cmd.accept() ? term.expiresOn(LocalDate.now(clock)) : null).param("id", id).update();
		audit.record(cmd.accept() ? "party.orgReport.accept" : "party.orgReport.refuse", "party-org-report",
				String.valueOf(id), reason == null ? row.organisationName() : row.organisationName() + "：" + reason);
		return get(id).orElseThrow();
	}

	/**
	 * Stores a report as given: pending, or decided at reviewedAt (an acceptance then runs for the configured
	 * validity from that day). The demo data stores past reports the same way.
	 */
	long insert(long organisationId, String communityCode, String contactName, String commitment, ReportStatus status,
			Instant reportedAt, Long reportedBy, Instant reviewedAt) {
		LocalDate expires = status == ReportStatus.ACCEPTED && reviewedAt != null
				? term.expiresOn(LocalDate.ofInstant(reviewedAt, PartyMembers.ZONE)) : null;
		return jdbc.sql("""
				insert into party.organisation_report (organisation_id, community_code, contact_name, commitment,
				       status, reported_at, reported_by, reviewed_at, expires_on)
				values (:o, :c, :contact, :commitment, :status, :at, :by, :reviewedAt, :expires) returning id
				""").param("o", organisationId).param("c", communityCode).param("contact", contactName)
			.param("commitment", commitment).param("status", status.name()).param("at", Timestamp.from(reportedAt))
			.param("by", reportedBy).param("reviewedAt", reviewedAt == null ? null : Timestamp.from(reviewedAt))
			.param("expires", expires).query(Long.class).single();
	}

	/** Reports to communities in the caller's scope, or made by organisations in it; pending first, then newest. */
	@Transactional(readOnly = true)
	public List<OrganisationReportView> inbox(GongzhiUser me, ReportStatus status) {
		PartyAccess.requireStaff(me);
		String p = PartyAccess.prefix(me);
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql(SELECT + """
				 where (r.community_code like :p or o.area_code like :p)
				 order by (r.status = 'PENDING') desc, r.reported_at desc limit 300
				""").param("p", p).query(this::view).list().stream()
			.filter(r -> status == null || r.status() == status)
			.filter(r -> status != ReportStatus.ACCEPTED || !r.expiresOn().isBefore(today))
			.toList();
	}

	private Optional<OrganisationReportView> get(long id) {
		return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::view).optional();
	}

	private OrganisationReportView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String community = rs.getString("community_code");
		Date expires = rs.getDate("expires_on");
		Timestamp reviewed = rs.getTimestamp("reviewed_at");
		return new OrganisationReportView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("org_name"),
				community, areas.find(community).map(AreaView::name).orElse(community), rs.getString("contact_name"),
				rs.getString("commitment"),
				ReportTerm.statusOn(rs.getString("status"), expires == null ? null : expires.toLocalDate(),
						LocalDate.now(clock)),
				rs.getTimestamp("reported_at").toInstant(), reviewed == null ? null : reviewed.toInstant(),
				rs.getString("reason"), expires == null ? null : expires.toLocalDate());
	}

}
