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

	private final OrganisationReports orgReports;

	PartyAdministrator(PartyRepository repository, OrganisationReports orgReports,
			@Value("${gongzhi.party.report-validity:P6M}") Period validity) {
		this.repository = repository;
		this.orgReports = orgReports;
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
		return orgReports.insert(organisationId, communityCode, contactName, commitment, status, reportedAt, null,
				reviewedAt);
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
