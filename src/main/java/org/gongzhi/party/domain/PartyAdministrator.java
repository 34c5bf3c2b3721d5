package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import org.gongzhi.party.MemberCmd;
import org.gongzhi.party.OrganisationCmd;
import org.gongzhi.party.PartyAdministration;
import org.gongzhi.party.PostCmd;
import org.gongzhi.party.ReportStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trusted bulk writer behind {@link PartyAdministration}: straight inserts for demo data and migrations.
 */
@Service
class PartyAdministrator implements PartyAdministration {

	private final PartyRepository repository;

	private final ReportTerm term;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	PartyAdministrator(PartyRepository repository, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			@Value("${gongzhi.party.report-validity:P6M}") Period validity) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.term = new ReportTerm(validity);
	}

	@Override
	@Transactional
	public long createOrganisation(OrganisationCmd cmd) {
		return repository.insertOrganisation(cmd);
	}

	@Override
	@Transactional
	public long createMember(MemberCmd cmd) {
		return repository.insertMember(cmd);
	}

	@Override
	@Transactional
	public long importReport(long memberId, String communityCode, ReportStatus status, Instant reportedAt,
			Instant reviewedAt, String reason) {
		LocalDate expires = status == ReportStatus.ACCEPTED && reviewedAt != null
				? term.expiresOn(LocalDate.ofInstant(reviewedAt, PartyMembers.ZONE)) : null;
		String stored = status == ReportStatus.EXPIRED ? ReportStatus.ACCEPTED.name() : status.name();
		return repository.insertReport(memberId, communityCode, stored, reportedAt, reviewedAt, null, reason, expires);
	}

	@Override
	@Transactional
	public long importOrganisationReport(long organisationId, String communityCode, String contactName,
			String commitment, ReportStatus status, Instant reportedAt, Instant reviewedAt) {
		LocalDate expires = status == ReportStatus.ACCEPTED && reviewedAt != null
				? term.expiresOn(LocalDate.ofInstant(reviewedAt, PartyMembers.ZONE)) : null;
		return jdbc.sql("""
				insert into party.organisation_report (organisation_id, community_code, contact_name, commitment, status,
				       reported_at, reviewed_at, expires_on)
				values (:o, :c, :contact, :commitment, :status, :at, :reviewedAt, :expires) returning id
				""").param("o", organisationId).param("c", communityCode).param("contact", contactName)
			.param("commitment", commitment).param("status", status.name())
			.param("at", java.sql.Timestamp.from(reportedAt))
			.param("reviewedAt", reviewedAt == null ? null : java.sql.Timestamp.from(reviewedAt))
			.param("expires", expires).query(Long.class).single();
	}

	@Override
	@Transactional
	public long createPost(PostCmd cmd) {
		return repository.insertPost(cmd);
	}

	@Override
	@Transactional
	public long claim(long postId, long memberId) {
		return repository.insertClaim(postId, memberId);
	}

	@Override
	@Transactional
	public long importService(long claimId, LocalDate servedOn, BigDecimal hours, String what, boolean confirmed) {
		return repository.insertRecord(claimId, servedOn, hours, what, confirmed ? "CONFIRMED" : "PENDING", null,
				confirmed ? servedOn.atStartOfDay(PartyMembers.ZONE).toInstant() : null);
	}

}
