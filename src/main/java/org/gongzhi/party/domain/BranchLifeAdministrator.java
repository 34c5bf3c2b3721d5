package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.gongzhi.party.BranchLifeAdministration;
import org.gongzhi.party.MeetingCmd;
import org.gongzhi.party.RatingSheet;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trusted bulk writer behind {@link BranchLifeAdministration}: meetings and rating scores for demo data and
 * migrations, checked by the same attendance rules as staff input.
 */
@Service
class BranchLifeAdministrator implements BranchLifeAdministration {

	private final BranchLifeRepository repository;

	private final StarRatings ratings;

	BranchLifeAdministrator(BranchLifeRepository repository, StarRatings ratings) {
		this.repository = repository;
		this.ratings = ratings;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean anyMeeting() {
		return repository.anyMeeting();
	}

	@Override
	@Transactional
	public long importMeeting(MeetingCmd cmd, String recordedBy) {
		repository.branch(cmd.organisationId())
			.orElseThrow(() -> DomainException.invalid("organisationId", "party.life.organisation.notBranch"));
		BranchLife.checkAttendance(cmd, BranchLife.today());
		return repository.insertMeeting(cmd, recordedBy, null);
	}

	@Override
	@Transactional
	public void importScore(int year, long organisationId, String criterionCode, BigDecimal score) {
		ratings.ensureCriteria(year);
		RatingSheet.Criterion criterion = repository.criteria(year).stream()
			.filter(c -> c.code().equals(criterionCode)).findFirst()
			.orElseThrow(() -> DomainException.invalid("scores", "party.rating.code.unknown", criterionCode));
		repository.putScore(criterion.id(), organisationId, score, null);
	}

	@Override
	@Transactional
	public int finaliseYear(int year, String by, LocalDate today) {
		return ratings.finalise("%", year, by, today);
	}

}
